SELECT
    v.id,
    v.name,
    v.status,
    v.battery_level,
    v.current_location->>'zone' AS current_zone,
    v.last_heartbeat,
    CASE
        WHEN v.last_heartbeat > NOW() - INTERVAL '5 minutes' THEN 'online'
        ELSE 'offline'
    END AS connectivity_status
FROM vehicles v
WHERE v.deleted_at IS NULL
ORDER BY v.name;
