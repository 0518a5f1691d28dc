// description: 待审 — facts worth a drafter's look that nobody has decided yet: recommendations none of whose indicator links rests on matched terms (queue "weak"), or support links with a low score (queue "support")
// param queue: str = "weak" — "weak" or "support"
// param limit: int = 50 — the most items to return
// each queue ordered on scalars and cut to $limit before its text is read (ordering rows that hold nodes is
// several times slower on kglite); the weak queue in id order, the support queue weakest first
CALL {
  UNWIND CASE WHEN $queue = 'weak' THEN [1] ELSE [] END AS weak  // first: the other queue's branch reads nothing
  MATCH (r:Recommendation)
  WHERE r.review IS NULL AND NOT r.matched  // no link to an indicator on matched terms (kept at load: kg/load.py)
  WITH r.id AS rec_id ORDER BY rec_id LIMIT $limit
  MATCH (r:Recommendation {id: rec_id})
  RETURN rec_id, r.text AS text, r.fact_key AS fact_key, r.doc_id AS doc_id, null AS score, null AS passage
  UNION
  UNWIND CASE WHEN $queue = 'support' THEN [1] ELSE [] END AS support
  MATCH (r:Recommendation)-[x:EVIDENCED_BY]->(p:Passage)
  WHERE x.review IS NULL AND x.score < 0.35
  WITH r.id AS rec_id, x.fact_key AS fact_key, x.score AS score, p.id AS passage_id
  ORDER BY score, rec_id, fact_key LIMIT $limit
  MATCH (r:Recommendation {id: rec_id})
  MATCH (p:Passage {id: passage_id})
  RETURN rec_id, r.text AS text, fact_key, p.doc_id AS doc_id, score, p.text AS passage
}
RETURN rec_id, text, fact_key, doc_id, score, passage
ORDER BY score, rec_id, fact_key
LIMIT $limit
