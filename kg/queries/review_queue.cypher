// description: 待审 — facts worth a drafter's look that nobody has decided yet: recommendations none of whose indicator links rests on matched terms (queue "weak"), or support links with a low score (queue "support")
// param queue: str = "weak" — "weak" or "support"
// param limit: int = 50 — the most items to return
CALL {
  MATCH (r:Recommendation)
  WHERE $queue = 'weak' AND r.review IS NULL AND NOT EXISTS { MATCH (r)-[a:ADDRESSES]->(:Indicator) WHERE a.matched }
  RETURN r.id AS rec_id, r.text AS text, r.fact_key AS fact_key, r.doc_id AS doc_id, null AS score, null AS passage
  UNION
  MATCH (r:Recommendation)-[x:EVIDENCED_BY]->(p:Passage)
  WHERE $queue = 'support' AND x.review IS NULL AND x.score < 0.35
  RETURN r.id AS rec_id, r.text AS text, x.fact_key AS fact_key, p.doc_id AS doc_id, x.score AS score,
         p.text AS passage
}
RETURN rec_id, text, fact_key, doc_id, score, passage
ORDER BY score, rec_id, fact_key
LIMIT $limit
