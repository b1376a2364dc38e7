package org.tvm.ports.gdpr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tvm.domain.access.UserId;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.resident.Resident;

/**
 * Everything held about one resident (GDPR Art. 15/20), as assembled by {@link ResidentRights#export}: the record with
 * its medical notes decrypted, consent, missions with their events, caregiver assignments, and the data-access and
 * audit entries about them. Shape version {@link #VERSION}; the JSON form is documented in the adapters' shared module.
 *
 * @param version     shape version of this document
 * @param exportedAt  when the export was made
 * @param exportedBy  the context actor who asked for it (null: system)
 * @param resident    the resident (medical notes in clear)
 * @param missions    the resident's non-deleted missions, newest first, each with its events in order
 * @param caregivers  users currently assigned as the resident's caregivers
 * @param dataAccess  who read, changed or exported the resident's data, oldest first
 * @param audit       audit entries about the resident and its missions and caregiver assignments, oldest first
 */
public record ResidentExport(int version, Instant exportedAt, UserId exportedBy, Resident resident,
                             List<MissionWithEvents> missions, List<UserId> caregivers, List<DataAccessEntry> dataAccess,
                             List<AuditEntry> audit) {

    /** The shape version; bump it when a field is added, renamed or changes meaning. */
    public static final int VERSION = 1;

    public ResidentExport {
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(resident, "resident");
        missions = List.copyOf(missions);
        caregivers = List.copyOf(caregivers);
        dataAccess = List.copyOf(dataAccess);
        audit = List.copyOf(audit);
    }

    /** One mission and its timeline. */
    public record MissionWithEvents(Mission mission, List<MissionEvent> events) {
        public MissionWithEvents {
            Objects.requireNonNull(mission, "mission");
            events = List.copyOf(events);
        }
    }
}
