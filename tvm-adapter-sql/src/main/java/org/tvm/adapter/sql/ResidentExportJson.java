package org.tvm.adapter.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.tvm.domain.audit.AuditEntry;
import org.tvm.domain.audit.DataAccessEntry;
import org.tvm.domain.mission.Mission;
import org.tvm.domain.mission.MissionEvent;
import org.tvm.domain.resident.Resident;
import org.tvm.ports.gdpr.ResidentExport;

/**
 * The JSON document of a {@link ResidentExport}, shape version 1 ({@code "format": "tvm-resident-export"},
 * {@code "version": 1}). Written field by field (no reflection over domain types), so the shape changes only here and
 * only with a version bump. Top level: {@code format, version, exportedAt, exportedBy, resident{...}, consent{given,
 * at}, missions[{id, status, priority, pickup, dropoff, createdAt, ..., events[{type, at, vehicleId, by, details}]}],
 * caregivers[userId], dataAccess[{at, userId, type}], audit[{at, userId, action, resourceType, resourceId, details,
 * success}]}. Instants are ISO-8601 UTC strings, ids are UUID strings, absent values are JSON null.
 */
public final class ResidentExportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResidentExportJson() {
    }

    /** Writes the document (UTF-8) to {@code out}; does not close it. */
    public static void write(ResidentExport export, OutputStream out) throws IOException {
        MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, tree(export));
    }

    /** @return the document as a JSON tree */
    public static ObjectNode tree(ResidentExport export) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "tvm-resident-export");
        root.put("version", export.version());
        root.put("exportedAt", export.exportedAt().toString());
        root.put("exportedBy", id(export.exportedBy()));
        Resident r = export.resident();
        ObjectNode res = root.putObject("resident");
        res.put("id", r.id().toString());
        res.put("facilityId", r.facilityId().toString());
        res.put("firstName", r.firstName());
        res.put("lastName", r.lastName());
        res.put("dateOfBirth", r.dateOfBirth().toString());
        res.put("gender", r.gender() == null ? null : r.gender().code());
        res.put("phone", r.phone() == null ? null : r.phone().value());
        res.put("emergencyContactName", r.emergencyContactName());
        res.put("emergencyContactPhone", r.emergencyContactPhone() == null ? null : r.emergencyContactPhone().value());
        res.put("medicalNotes", r.medicalNotes() == null ? null : r.medicalNotes().reveal());
        res.put("wheelchairType", r.wheelchairType() == null ? null : r.wheelchairType().code());
        res.put("requiresAssistance", r.requiresAssistance());
        res.put("preferredLanguage", r.preferredLanguage());
        res.put("photoUrl", r.photoUrl());
        res.put("createdAt", text(r.createdAt()));
        res.put("updatedAt", text(r.updatedAt()));
        res.put("deletedAt", text(r.deletedAt()));
        ObjectNode consent = root.putObject("consent");
        consent.put("given", r.gdprConsent());
        consent.put("at", text(r.gdprConsentDate()));
        ArrayNode missions = root.putArray("missions");
        for (ResidentExport.MissionWithEvents mw : export.missions()) {
            Mission m = mw.mission();
            ObjectNode n = missions.addObject();
            n.put("id", m.id().toString());
            n.put("status", m.status().code());
            n.put("priority", m.priority().code());
            n.put("pickup", m.pickup().label());
            n.put("dropoff", m.dropoff().label());
            n.put("vehicleId", id(m.vehicleId()));
            n.put("createdBy", id(m.createdBy()));
            n.put("scheduledAt", text(m.scheduledAt()));
            n.put("createdAt", text(m.createdAt()));
            n.put("completedAt", text(m.completedAt()));
            n.put("notes", m.notes());
            n.put("failureReason", m.failureReason());
            ArrayNode events = n.putArray("events");
            for (MissionEvent e : mw.events()) {
                ObjectNode en = events.addObject();
                en.put("type", e.type().code());
                en.put("at", text(e.occurredAt()));
                en.put("vehicleId", id(e.vehicleId()));
                en.put("by", id(e.triggeredBy()));
                map(en.putObject("details"), e.details());
            }
        }
        ArrayNode caregivers = root.putArray("caregivers");
        export.caregivers().forEach(c -> caregivers.add(c.toString()));
        ArrayNode access = root.putArray("dataAccess");
        for (DataAccessEntry e : export.dataAccess()) {
            ObjectNode n = access.addObject();
            n.put("at", text(e.accessedAt()));
            n.put("userId", id(e.userId()));
            n.put("type", e.accessType().code());
        }
        ArrayNode audit = root.putArray("audit");
        for (AuditEntry e : export.audit()) {
            ObjectNode n = audit.addObject();
            n.put("at", text(e.timestamp()));
            n.put("userId", id(e.userId()));
            n.put("action", e.action());
            n.put("resourceType", e.resourceType());
            n.put("resourceId", e.resourceId() == null ? null : e.resourceId().toString());
            map(n.putObject("details"), e.details());
            n.put("success", e.success());
        }
        return root;
    }

    private static void map(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    private static String id(Object id) {
        return id == null ? null : id.toString();
    }

    private static String text(java.time.Instant i) {
        return i == null ? null : i.toString();
    }

}
