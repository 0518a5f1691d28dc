// description: 覆盖矩阵 — for each research direction × 考核指标: recommendations whose link rests on matched terms (coverage), weak links (弱/未匹配, not coverage), evidence passages of the covering ones, and whether the indicator is a deliverable of the research itself (the report, support for drafting)
// The counts are kept on each Indicator at every write (kg/aggregates.py; `kg check` recounts them), so
// this reads 4 directions and their indicators, not every recommendation.
MATCH (d:ResearchDirection)-[:HAS_INDICATOR]->(i:Indicator)
RETURN d.code AS direction, d.name AS direction_name, i.code AS indicator, i.name AS indicator_name,
       i.deliverable AS deliverable,
       coalesce(i.coverage_recommendations, 0) AS recommendations,
       coalesce(i.coverage_weak, 0) AS weak,
       coalesce(i.coverage_evidence, 0) AS evidence
ORDER BY direction, indicator
