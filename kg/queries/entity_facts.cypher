// description: 实体事实 — every extracted relationship of an entity (both ways) with the passage that states it, its document, its fact_key and review decision
// param entity_id: str — the entity id
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
// param limit: int = 200 — the most facts to return (the first by relationship and other entity, then by passage: a hub has thousands, and only these are looked up)
MATCH (:Entity {id: $entity_id})-[x:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED]-(o:Entity)
WHERE $show_rejected OR coalesce(x.review, '') <> 'rejected'
// the first $limit as scalars (the way read from the start node's id: comparing nodes costs more on kglite), then
// their evidence passage by its id (an index lookup: `WHERE p.id = x.evidence` would scan every passage per row on
// the embedded store, and kglite 0.21.2 finds nothing for `{id: x.evidence}`)
WITH type(x) AS rel, CASE WHEN startNode(x).id = $entity_id THEN 'out' ELSE 'in' END AS way, o.id AS other_id,
     o.name AS other, o.label AS other_label, x.fact_key AS fact_key, x.review AS review, x.evidence AS evidence
ORDER BY rel, other, evidence
LIMIT $limit
MATCH (p:Passage {id: evidence})-[:PART_OF]->(d:Document)
RETURN rel, way, other_id, other, other_label, fact_key, review, p.text AS passage, d.id AS doc_id, d.title AS title
ORDER BY rel, other, doc_id
