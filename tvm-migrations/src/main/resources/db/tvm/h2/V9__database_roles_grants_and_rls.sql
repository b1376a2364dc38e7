-- H2 mirror of postgresql/V9: nothing to do. Database roles, privileges and row-level security are
-- PostgreSQL features; on H2 (embedded demo, fast tests) facility isolation rests on the adapters'
-- facility filters only.
SELECT 1;
