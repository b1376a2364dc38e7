-- H2 mirror of postgresql/V14_1: the maintenance run record and the mission archive. H2 has no partitions, so
-- no partition retention function; the maintenance job deletes old rows in batches instead.
CREATE TABLE maintenance_runs (
    id BIGSERIAL NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    outcome VARCHAR(20) DEFAULT 'running' NOT NULL,
    steps JSON DEFAULT JSON '[]' NOT NULL,
    error VARCHAR,
    CONSTRAINT maintenance_runs_pkey PRIMARY KEY (id),
    CONSTRAINT check_maintenance_runs_outcome CHECK (outcome IN ('running', 'succeeded', 'failed')),
    CONSTRAINT check_maintenance_runs_finished CHECK ((outcome = 'running') = (finished_at IS NULL))
);

CREATE INDEX idx_maintenance_runs_started_at ON maintenance_runs(started_at DESC);

CREATE TABLE mission_archive (
    mission_id UUID NOT NULL,
    facility_id UUID NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_count INTEGER NOT NULL,
    document JSON NOT NULL,
    CONSTRAINT mission_archive_pkey PRIMARY KEY (mission_id),
    CONSTRAINT mission_archive_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities(id),
    CONSTRAINT check_mission_archive_event_count CHECK (event_count >= 0)
);

CREATE INDEX idx_mission_archive_facility_finished_at ON mission_archive(facility_id, finished_at);
