package org.tvm.testkit.inmemory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.tvm.domain.access.DefaultAccess;
import org.tvm.domain.access.Permission;
import org.tvm.domain.access.RoleName;

/** The global role/permission catalogue (immutable). */
record Catalogue(Map<RoleName, Set<Permission>> grants, Set<Permission> permissions) {

    static Catalogue seeded() {
        Map<RoleName, Set<Permission>> g = new EnumMap<>(RoleName.class);
        DefaultAccess.grants().forEach((role, perms) -> g.put(role, Collections.unmodifiableSet(new LinkedHashSet<>(perms))));
        return new Catalogue(Collections.unmodifiableMap(g),
                Collections.unmodifiableSet(new LinkedHashSet<>(DefaultAccess.permissions())));
    }

    Set<Permission> of(RoleName role) {
        Set<Permission> p = grants.get(role);
        return p == null ? Set.of() : p;
    }
}
