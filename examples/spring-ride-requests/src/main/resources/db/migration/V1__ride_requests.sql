-- The application's own table: written with JdbcTemplate in the same transaction as the TVM mission.
CREATE TABLE ride_app.ride_requests (
    request_id  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    mission_id  uuid        NOT NULL,
    facility_id uuid        NOT NULL,
    note        text        NOT NULL
);
GRANT USAGE ON SCHEMA ride_app TO tvm_app;
GRANT SELECT, INSERT ON ride_app.ride_requests TO tvm_app;
