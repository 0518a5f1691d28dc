// description: 证据高亮 — the mentions inside a recommendation's evidence passages, with offsets relative to the passage start (for highlighting)
// param rec_id: str — the Recommendation id
MATCH (r:Recommendation {id: $rec_id})-[:SUPPORTED_BY]->(p:Passage)-[m:MENTIONS]->(e)
RETURN p.id AS passage_id, m.start - p.start AS start, m.`end` - p.start AS `end`, m.text AS text,
       m.label AS label, coalesce(m.generic, false) AS generic, e.id AS entity_id, e.name AS name
ORDER BY passage_id, start, `end` DESC, entity_id
