SELECT
    m.id,
    m.status,
    m.priority,
    m.pickup_location,
    m.dropoff_location,
    r.first_name || ' ' || r.last_name AS resident_name,
    v.name AS vehicle_name,
    m.created_at
FROM missions m
JOIN residents r ON m.resident_id = r.id
LEFT JOIN vehicles v ON m.vehicle_id = v.id
WHERE m.status IN ('pending', 'assigned', 'in_progress')
  AND m.deleted_at IS NULL
ORDER BY
    CASE m.priority
        WHEN 'urgent' THEN 1
        WHEN 'high' THEN 2
        WHEN 'normal' THEN 3
        WHEN 'low' THEN 4
    END,
    m.created_at ASC
LIMIT 50;
