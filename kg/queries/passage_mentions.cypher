// description: 证据高亮 — the mentions inside a recommendation's evidence passages, with offsets relative to the passage start (for highlighting)
// param rec_id: str — the Recommendation id
MATCH (r:Recommendation {id: $rec_id})-[:SUPPORTED_BY]->(p:Passage)-[m:MENTIONS]->(e)
// a mention's text is its passage's text at its offsets, its label its entity's (kg/load.py)
RETURN p.id AS passage_id, m.start - p.start AS start, m.`end` - p.start AS `end`,
       substring(p.text, m.start - p.start, m.`end` - m.start) AS text,
       coalesce(e.label, head([l IN labels(e) WHERE l <> 'Entity'])) AS label, coalesce(m.generic, false) AS generic,
       e.id AS entity_id, e.name AS name
ORDER BY passage_id, start, `end` DESC, entity_id
