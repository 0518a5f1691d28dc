// description: 文档阅读 — a document's passages in order, each with its mentions (offsets relative to the passage start, for highlighting), the relationship facts it states (rejected ones left out) and the recommendations cut from it
// param doc_id: str — the Document id
// param skip: int = 0 — passages to skip (for paging)
// param limit: int = 200 — the most passages to return
MATCH (p:Passage)-[:PART_OF]->(d:Document {id: $doc_id})
WITH p ORDER BY p.start SKIP $skip LIMIT $limit
// the facts a passage states: both ends of a fact are mentioned in its evidence passage (`kg check` says so),
// so only the pairs of the passage's own mentions are tried, and a hub's other facts are never read
CALL (p) {
  MATCH (p)-[:MENTIONS]->(h:Entity)
  MATCH (p)-[:MENTIONS]->(t:Entity)
  WHERE h.id <> t.id
  WITH DISTINCT p, h, t
  MATCH (h)-[x]->(t)
  WHERE x.evidence = p.id AND coalesce(x.review, '') <> 'rejected'
  WITH h, x, t ORDER BY type(x), h.name, t.name, h.id, t.id
  RETURN collect({rel: type(x), head_id: h.id, head: h.name, head_label: h.label, tail_id: t.id, tail: t.name, tail_label: t.label}) AS facts
}
OPTIONAL MATCH (p)-[m:MENTIONS]->(e)
WITH p, facts, m, e ORDER BY m.start, m.`end` DESC, e.id
WITH p, facts, collect(CASE WHEN m IS NULL THEN NULL ELSE {start: m.start - p.start, `end`: m.`end` - p.start, label: coalesce(e.label, head([l IN labels(e) WHERE l <> 'Entity'])), name: e.name, entity_id: e.id} END) AS mentions
OPTIONAL MATCH (r:Recommendation)-[:SUPPORTED_BY]->(p)
WHERE coalesce(r.review, '') <> 'rejected'
WITH p, mentions, facts, r ORDER BY r.id
RETURN p.id AS passage_id, p.start AS start, p.text AS text, mentions, facts,
       collect(r.id) AS recommendations
ORDER BY start
