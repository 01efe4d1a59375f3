// LayoutLab — Tasks: what fine-tuning is for. One protocol (`DocumentTask`: prepare splits,
// encode, fine-tune, predict, score, record) and its conformances, one folder each: entities
// (FUNSD-style entity F1), classification (RVL-CDIP-style accuracy) and extractive QA
// (DocVQA-style ANLS). `TaskRegistry` maps a spec's `task` name to its conformance.
