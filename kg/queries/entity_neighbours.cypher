// description: 图谱探索 — an entity's neighbours (related entities, recommendations, citing and mentioning documents) with label and research directions, filtered by label, relationship type and direction, capped; `total` counts all that pass the filters and `label_totals` them by label ([[label, n], …]) — except the documents that mention it, of which at most `cap` + 1 are read: `capped` is true when there are more (the counts are then lower bounds: "1,000+"); `evidence`: ids of the passages that state a relationship fact (up to 3)
// param entity_id: str — the entity id
// param labels: str = "" — neighbour labels to keep, comma-separated (e.g. "Society,Agency"), "" for all
// param rels: str = "" — relationship types to keep, comma-separated (e.g. "UNDERTAKES,RUNS"; MENTIONED_IN for the documents that mention it), "" for all
// param direction: int = 0 — keep neighbours tied to this research direction (1–4), 0 for all
// param limit: int = 30 — the most neighbours to return
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
// param cap: int = 1000 — the most documents that mention it to read (a hub is mentioned in tens of thousands)
MATCH (n:Entity {id: $entity_id})
// every neighbour row as scalars (rows that hold nodes are slow to sort and group on kglite): its label and the
// research directions it is tied to
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE NOT m:Passage AND ($show_rejected OR coalesce(r.review, '') <> 'rejected')
    AND ($rels = '' OR type(r) IN split($rels, ','))
  WITH n, r, m, CASE WHEN m:Entity THEN m.label WHEN m:Document THEN 'Document' ELSE head(labels(m)) END AS label
  WHERE $labels = '' OR label IN split($labels, ',')
  // an entity's directions are those of the documents that mention it: counted per direction at every
  // write (kg/aggregates.py), so a hub among the neighbours does not cost a read of every document
  RETURN type(r) AS rel, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS way, m.id AS mid, m.name AS mname,
         label, r.evidence AS evidence,
         CASE WHEN m:Document OR m:Recommendation THEN coalesce(m.directions, [])
              WHEN m.direction IS NOT NULL THEN [m.direction]
              ELSE [x IN [1, 2, 3, 4] WHERE (x = 1 AND m.direction_documents_1 > 0) OR (x = 2 AND m.direction_documents_2 > 0)
                    OR (x = 3 AND m.direction_documents_3 > 0) OR (x = 4 AND m.direction_documents_4 > 0)] END AS found,
         false AS mentioning_doc
  UNION ALL
  // the documents that mention it: at most $cap + 1 of them read
  MATCH (n)<-[:MENTIONS]-(p:Passage)
  WHERE ($rels = '' OR 'MENTIONED_IN' IN split($rels, ',')) AND ($labels = '' OR 'Document' IN split($labels, ','))
  WITH DISTINCT p.doc_id AS mid ORDER BY mid LIMIT $cap + 1
  MATCH (m:Document {id: mid})
  RETURN 'MENTIONED_IN' AS rel, 'in' AS way, mid, m.name AS mname, 'Document' AS label, null AS evidence,
         coalesce(m.directions, []) AS found, true AS mentioning_doc
}
WITH rel, way, mid, mname, label, found, mentioning_doc, evidence ORDER BY evidence
WITH rel, way, mid, mname, label, found, mentioning_doc, collect(DISTINCT evidence) AS evidence
WITH rel, way, mid, mname, label, mentioning_doc, evidence, [x IN [1, 2, 3, 4] WHERE x IN found] AS directions
WHERE $direction = 0 OR $direction IN directions
WITH rel, way, mid, mname, label, mentioning_doc, evidence, directions,
     CASE WHEN label = 'Document' THEN 2 WHEN label = 'Recommendation' THEN 1
          WHEN label IN ['ResearchDirection', 'Indicator'] THEN 3 ELSE 0 END AS rank
ORDER BY rank, label, mname, mid, rel, way
// grouped by label (in the order drawn), so the totals per label come with the rows
WITH rank, label, collect({rel: rel, way: way, id: mid, name: mname, label: label, directions: directions,
                           evidence: evidence}) AS of_label, sum(CASE WHEN mentioning_doc THEN 1 ELSE 0 END) AS mentioning
ORDER BY rank, label
WITH collect(of_label) AS groups, collect([label, size(of_label)]) AS label_totals, sum(size(of_label)) AS total,
     sum(mentioning) AS mentioning
UNWIND groups AS of_label
UNWIND of_label AS row
WITH label_totals, total, mentioning, row LIMIT $limit
MATCH (n:Entity {id: $entity_id})
RETURN n.id AS id, n.name AS name, n.label AS label, total, label_totals,
       mentioning > $cap AS capped,
       row.rel AS rel, row.way AS way, row.id AS neighbour_id, row.name AS neighbour,
       row.label AS neighbour_label, row.directions AS directions, row.evidence[0..3] AS evidence
