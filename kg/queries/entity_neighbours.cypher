// description: 图谱探索 — an entity's neighbours (related entities, recommendations, citing and mentioning documents) with label and research directions, filtered by label, relationship type and direction, the first `limit` in the order drawn (entities by label and name, then recommendations, then documents); `total` counts all that pass the filters and `label_totals` them by label ([[label, n], …]), the documents that mention it from the counts kept on it (exact); of those documents at most `cap` are read to be listed one by one: `capped` is true when there are more; `evidence`: ids of the passages that state a relationship shown (up to 3)
// param entity_id: str — the entity id
// param labels: str = "" — neighbour labels to keep, comma-separated (e.g. "Society,Agency"), "" for all
// param rels: str = "" — relationship types to keep, comma-separated (e.g. "UNDERTAKES,RUNS"; MENTIONED_IN for the documents that mention it), "" for all
// param direction: int = 0 — keep neighbours tied to this research direction (1–4), 0 for all
// param limit: int = 30 — the most neighbours to return
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
// param cap: int = 1000 — the most documents that mention it to read and list (a hub is mentioned in tens of thousands)
// A hub states each fact once per document (tens of thousands of relationships for a few dozen neighbours), is
// concerned by thousands of recommendations and mentioned in thousands of documents, so each kind of neighbour
// is read on its own, as scalars (rows that hold nodes are slow to sort and group on kglite), and only as far as
// the page needs: the entities from the list kept on it, the documents it issued or that cite it; the
// recommendations counted, and read only when the rows before them leave room; the documents that mention it
// counted at every write (kg/aggregates.py) and read only when the rows before them leave room.
// 1. the entities it states facts with (or INSTANCE_OF): kept on it at every write (kg/aggregates.py: `neighbours`,
// one "TYPE|way|id" each, facts a drafter rejected left out), read from its relationships only when rejected facts
// are shown; and the documents it issued or that cite it. Each neighbour read once.
CALL {
  CALL {
    UNWIND CASE WHEN $show_rejected THEN [] ELSE [1] END AS kept
    MATCH (n:Entity {id: $entity_id})
    UNWIND coalesce(n.neighbours, []) AS key
    WITH split(key, '|') AS k
    RETURN k[0] AS rel, k[1] AS way, k[2] AS mid
    UNION ALL
    UNWIND CASE WHEN $show_rejected THEN [1] ELSE [] END AS shown
    MATCH (:Entity {id: $entity_id})-[r:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED|INSTANCE_OF]-(m:Entity)
    RETURN DISTINCT type(r) AS rel, CASE WHEN startNode(r).id = $entity_id THEN 'out' ELSE 'in' END AS way, m.id AS mid
    UNION ALL
    MATCH (:Entity {id: $entity_id})-[r:ISSUED|CITES]-(m:Document)
    WHERE $show_rejected OR coalesce(r.review, '') <> 'rejected'
    RETURN DISTINCT type(r) AS rel, CASE WHEN startNode(r).id = $entity_id THEN 'out' ELSE 'in' END AS way, m.id AS mid
  }
  WITH rel, way, mid WHERE $rels = '' OR rel IN split($rels, ',')
  OPTIONAL MATCH (e:Entity {id: mid})
  OPTIONAL MATCH (d:Document {id: mid})
  WITH rel, way, mid, coalesce(e.name, d.name) AS mname, CASE WHEN e IS NULL THEN 'Document' ELSE e.label END AS label,
       CASE WHEN e IS NULL THEN coalesce(d.directions, [])
            ELSE [x IN [1, 2, 3, 4] WHERE (x = 1 AND e.direction_documents_1 > 0) OR (x = 2 AND e.direction_documents_2 > 0)
                  OR (x = 3 AND e.direction_documents_3 > 0) OR (x = 4 AND e.direction_documents_4 > 0)] END AS found
  WITH rel, way, mid, mname, label, [x IN [1, 2, 3, 4] WHERE x IN found] AS directions
  WHERE ($labels = '' OR label IN split($labels, ',')) AND ($direction = 0 OR $direction IN directions)
  RETURN collect({rel: rel, way: way, id: mid, name: mname, label: label, directions: directions,
                  rank: CASE WHEN label = 'Document' THEN 2 ELSE 0 END}) AS tied
}
// 2. the recommendations that concern it (not one a drafter rejected, unless shown): all counted; the first $limit
// by text read only when the entities before them leave room
CALL {
  MATCH (:Entity {id: $entity_id})<-[:CONCERNS]-(m:Recommendation)
  WHERE ($rels = '' OR 'CONCERNS' IN split($rels, ',')) AND ($labels = '' OR 'Recommendation' IN split($labels, ','))
    AND ($direction = 0 OR $direction IN m.directions)
    AND ($show_rejected OR coalesce(m.review, '') <> 'rejected')
  RETURN count(DISTINCT m.id) AS recommendations
}
WITH tied, recommendations,
     CASE WHEN recommendations > 0 AND size([t IN tied WHERE t.rank = 0]) < $limit THEN 1 ELSE 0 END AS read_recommendations
CALL (read_recommendations) {
  WITH read_recommendations WHERE read_recommendations = 1
  MATCH (:Entity {id: $entity_id})<-[:CONCERNS]-(m:Recommendation)
  WHERE ($direction = 0 OR $direction IN m.directions) AND ($show_rejected OR coalesce(m.review, '') <> 'rejected')
  WITH DISTINCT m.name AS mname, m.id AS mid, m.directions AS found ORDER BY mname, mid LIMIT $limit
  RETURN collect({rel: 'CONCERNS', way: 'in', id: mid, name: mname, label: 'Recommendation', rank: 1,
                  directions: [x IN [1, 2, 3, 4] WHERE x IN coalesce(found, [])]}) AS concerning
}
// 3. the documents that mention it: counted at every write (kg/aggregates.py: document_count, direction_documents_N);
// read only when the rows before them leave room, and then at most $cap of them (a hub is mentioned in thousands)
MATCH (n:Entity {id: $entity_id})
WITH tied, recommendations, concerning,
     CASE WHEN ($rels = '' OR 'MENTIONED_IN' IN split($rels, ',')) AND ($labels = '' OR 'Document' IN split($labels, ','))
          THEN coalesce(CASE $direction WHEN 1 THEN n.direction_documents_1 WHEN 2 THEN n.direction_documents_2
                                        WHEN 3 THEN n.direction_documents_3 WHEN 4 THEN n.direction_documents_4
                                        ELSE n.document_count END, 0)
          ELSE 0 END AS mentioned
WITH tied, recommendations, concerning, mentioned,
     CASE WHEN mentioned > 0 AND size([t IN tied WHERE t.rank < 2]) + size(concerning) < $limit THEN 1 ELSE 0 END
       AS read_mentioning
CALL (read_mentioning) {
  // the first $cap by id; of one direction, the first $cap of those of that direction (all of them looked at)
  CALL (read_mentioning) {
    WITH read_mentioning WHERE read_mentioning = 1 AND $direction = 0
    MATCH (:Entity {id: $entity_id})<-[:MENTIONS]-(p:Passage)
    WITH DISTINCT p.doc_id AS mid ORDER BY mid LIMIT $cap
    RETURN mid
    UNION ALL
    WITH read_mentioning WHERE read_mentioning = 1 AND $direction > 0
    MATCH (:Entity {id: $entity_id})<-[:MENTIONS]-(p:Passage)
    WITH DISTINCT p.doc_id AS mid
    MATCH (m:Document {id: mid}) WHERE $direction IN m.directions
    WITH mid ORDER BY mid LIMIT $cap
    RETURN mid
  }
  MATCH (m:Document {id: mid})
  WITH mid, m.name AS mname, [x IN [1, 2, 3, 4] WHERE x IN coalesce(m.directions, [])] AS directions
  RETURN collect({rel: 'MENTIONED_IN', way: 'in', id: mid, name: mname, label: 'Document', rank: 2,
                  directions: directions}) AS mentioning
}
// totals per label, in the order drawn (entities by label, recommendations, documents)
CALL (tied) {
  UNWIND tied AS t
  WITH t.label AS label, t.rank AS rank, count(*) AS c ORDER BY rank, label
  RETURN collect([label, c]) AS tied_totals
}
WITH tied, concerning, mentioning, recommendations, mentioned,
     [x IN tied_totals WHERE x[0] <> 'Document'] + CASE WHEN recommendations > 0 THEN [['Recommendation', recommendations]] ELSE [] END
     + CASE WHEN mentioned + size([t IN tied WHERE t.label = 'Document']) > 0
            THEN [['Document', mentioned + size([t IN tied WHERE t.label = 'Document'])]] ELSE [] END AS label_totals
UNWIND tied + concerning + mentioning AS row
WITH label_totals, size(tied) + recommendations + mentioned AS total, mentioned > $cap AS capped, row
ORDER BY row.rank, row.label, row.name, row.id, row.rel, row.way
LIMIT $limit
// the passages that state each relationship shown (up to 3), read from the neighbour's side (a hub's side holds
// every statement of every neighbour)
CALL (row) {
  WITH row WHERE NOT row.rel IN ['CONCERNS', 'MENTIONED_IN']
  OPTIONAL MATCH (e:Entity {id: row.id})
  OPTIONAL MATCH (d:Document {id: row.id})
  WITH row, coalesce(e, d) AS m
  MATCH (m)-[r:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED|INSTANCE_OF|CITES]-(n:Entity {id: $entity_id})
  WHERE type(r) = row.rel AND (startNode(r).id = $entity_id) = (row.way = 'out')
    AND ($show_rejected OR coalesce(r.review, '') <> 'rejected')
  WITH r.evidence AS evidence ORDER BY evidence
  RETURN collect(DISTINCT evidence)[0..3] AS evidence
}
MATCH (n:Entity {id: $entity_id})
RETURN n.id AS id, n.name AS name, n.label AS label, total, label_totals, capped,
       row.rel AS rel, row.way AS way, row.id AS neighbour_id, row.name AS neighbour,
       row.label AS neighbour_label, row.directions AS directions, evidence
