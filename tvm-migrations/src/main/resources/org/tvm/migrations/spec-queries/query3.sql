SELECT
    timestamp,
    latitude,
    longitude,
    speed_mps,
    battery_level,
    error_codes
FROM telemetry
WHERE vehicle_id = $1  -- Parameter: vehicle UUID
  AND timestamp > NOW() - INTERVAL '1 hour'
ORDER BY timestamp DESC
LIMIT 1000;
