SELECT
    me.event_type,
    me.details,
    me.created_at,
    u.email AS triggered_by
FROM mission_events me
LEFT JOIN users u ON me.created_by_user_id = u.id
WHERE me.mission_id = $1  -- Parameter: mission UUID
ORDER BY me.created_at ASC;
