package org.tvm.adapter.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code permissions} (global catalogue). Mapped to and from the domain by {@code EntityMapper}. */
@Entity
@Table(name = "permissions")
public final class PermissionEntity {

    @Id
    public UUID id;
    @Column(name = "resource", nullable = false, length = 50)
    public String resource;
    @Column(name = "action", nullable = false, length = 50)
    public String action;
    @Column(name = "description")
    String description;
    @Column(name = "created_at")
    public Instant createdAt;

}
