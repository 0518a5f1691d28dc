// description: 常见实体 — the most mentioned entities (instances before generic kinds), a starting point for exploring
// param limit: int = 20 — the most entities to return
// An entity's mentions are counted at every write (kg/aggregates.py: mention_count; `kg check` recounts it).
MATCH (e:Entity)
WITH e, coalesce(e.mention_count, 0) AS mentions
WHERE mentions > 0 AND coalesce(e.review, '') <> 'rejected'
RETURN e.id AS id, e.name AS name, e.label AS label, e.aliases AS aliases, e.generic AS generic, mentions
ORDER BY coalesce(e.generic, false), mentions DESC, name, id
LIMIT $limit
