// description: 图谱探索 — an entity's neighbours (related entities, recommendations, citing and mentioning documents) with label and research directions, filtered by label, relationship type and direction, capped; `total` counts all that pass the filters and `label_totals` them by label ([[label, n], …]); `evidence`: ids of the passages that state a relationship fact (up to 3)
// param entity_id: str — the entity id
// param labels: str = "" — neighbour labels to keep, comma-separated (e.g. "Society,Agency"), "" for all
// param rels: str = "" — relationship types to keep, comma-separated (e.g. "UNDERTAKES,RUNS"; MENTIONED_IN for the documents that mention it), "" for all
// param direction: int = 0 — keep neighbours tied to this research direction (1–4), 0 for all
// param limit: int = 30 — the most neighbours to return
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
MATCH (n:Entity {id: $entity_id})
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE NOT m:Passage AND ($show_rejected OR coalesce(r.review, '') <> 'rejected')
  RETURN type(r) AS rel, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS way, m, r.evidence AS evidence
  UNION
  MATCH (n)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(m:Document)
  RETURN 'MENTIONED_IN' AS rel, 'in' AS way, m, null AS evidence
}
WITH n, rel, way, m, evidence ORDER BY evidence
WITH n, rel, way, m, collect(DISTINCT evidence) AS evidence
// an entity's directions are those of the documents that mention it: counted per direction at every
// write (kg/aggregates.py), so a hub among the neighbours does not cost a read of every document
WITH n, rel, way, m, evidence,
     CASE WHEN m:Entity THEN m.label WHEN m:Document THEN 'Document' ELSE head(labels(m)) END AS label,
     CASE WHEN m:Document OR m:Recommendation THEN coalesce(m.directions, [])
          WHEN m.direction IS NOT NULL THEN [m.direction]
          ELSE [x IN [1, 2, 3, 4] WHERE (x = 1 AND m.direction_documents_1 > 0) OR (x = 2 AND m.direction_documents_2 > 0)
                OR (x = 3 AND m.direction_documents_3 > 0) OR (x = 4 AND m.direction_documents_4 > 0)] END AS found
WITH n, rel, way, m, evidence, label, [x IN [1, 2, 3, 4] WHERE x IN found] AS directions
WHERE ($labels = '' OR label IN split($labels, ','))
  AND ($rels = '' OR rel IN split($rels, ','))
  AND ($direction = 0 OR $direction IN directions)
WITH n, rel, way, m, evidence, label, directions
ORDER BY CASE WHEN m:Entity THEN 0 WHEN m:Recommendation THEN 1 WHEN m:Document THEN 2 ELSE 3 END,
         label, m.name, m.id, rel, way
WITH n, collect({rel: rel, way: way, id: m.id, name: m.name, label: label, directions: directions,
                 evidence: evidence}) AS rows
CALL (rows) {
  UNWIND rows AS r
  WITH r.label AS l, count(*) AS c ORDER BY l
  RETURN collect([l, c]) AS label_totals
}
UNWIND rows[0..$limit] AS row
RETURN n.id AS id, n.name AS name, n.label AS label, size(rows) AS total, label_totals,
       row.rel AS rel, row.way AS way, row.id AS neighbour_id, row.name AS neighbour,
       row.label AS neighbour_label, row.directions AS directions, row.evidence[0..3] AS evidence
