// description: 文档阅读 — a document's passages in order, each with its mentions (offsets relative to the passage start, for highlighting), the relationship facts it states (rejected ones left out) and the recommendations cut from it
// param doc_id: str — the Document id
// param skip: int = 0 — passages to skip (for paging)
// param limit: int = 200 — the most passages to return
MATCH (p:Passage)-[:PART_OF]->(d:Document {id: $doc_id})
WITH p ORDER BY p.start SKIP $skip LIMIT $limit
WITH collect(p) AS ps, collect(p.id) AS pids
// the facts these passages state: a fact's head is an entity its passage mentions, so each entity the
// passages mention is expanded once (not once per passage, and no scan of every relationship)
UNWIND (CASE WHEN ps = [] THEN [null] ELSE ps END) AS p0
OPTIONAL MATCH (p0)-[:MENTIONS]->(h0:Entity)
WITH ps, pids, collect(DISTINCT h0) AS heads
UNWIND (CASE WHEN heads = [] THEN [null] ELSE heads END) AS h
OPTIONAL MATCH (h)-[x]->(t:Entity)
WHERE x.evidence IN pids AND coalesce(x.review, '') <> 'rejected'
WITH ps, h, x, t ORDER BY type(x), h.name, t.name, h.id, t.id
WITH ps, x.evidence AS evidence,
     collect(CASE WHEN x IS NULL THEN NULL ELSE {rel: type(x), head_id: h.id, head: h.name, head_label: h.label, tail_id: t.id, tail: t.name, tail_label: t.label} END) AS facts
WITH ps, collect([evidence, facts]) AS stated
UNWIND ps AS p
OPTIONAL MATCH (p)-[m:MENTIONS]->(e)
WITH p, stated, m, e ORDER BY m.start, m.`end` DESC, e.id
WITH p, stated, collect(CASE WHEN m IS NULL THEN NULL ELSE {start: m.start - p.start, `end`: m.`end` - p.start, label: coalesce(e.label, head([l IN labels(e) WHERE l <> 'Entity'])), name: e.name, entity_id: e.id} END) AS mentions
WITH p, mentions, coalesce(head([s IN stated WHERE s[0] = p.id | s[1]]), []) AS facts
OPTIONAL MATCH (r:Recommendation)-[:SUPPORTED_BY]->(p)
WHERE coalesce(r.review, '') <> 'rejected'
WITH p, mentions, facts, r ORDER BY r.id
RETURN p.id AS passage_id, p.start AS start, p.text AS text, mentions, facts,
       collect(r.id) AS recommendations
ORDER BY start
