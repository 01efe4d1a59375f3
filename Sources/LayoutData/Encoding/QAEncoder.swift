// LayoutLab — extractive QA (DocVQA): question as segment A, OCR words as segment B.

/// The result of encoding questions.
public struct QAEncoding: Sendable {
  /// All windows, question by question.
  public var windows: [EncodedWindow] = []
  /// What was fixed or dropped while encoding.
  public var report = EncodingReport()
  /// Questions encoded.
  public var questions = 0
  /// Questions with answers whose answer was found among the OCR words.
  public var answersFound = 0
  /// Questions with answers, none of which was found (the paper counts and reports these).
  public var answersNotFound = 0
  /// Questions without answers (test split).
  public var questionsWithoutAnswers = 0
  /// Of `answersFound`, those found only by the fuzzy match.
  public var answersMatchedFuzzily = 0
  /// Questions whose answer was found on the page but lies in no single window (longer than a
  /// window, or across a window boundary); every window of theirs points at [CLS].
  public var answersOutsideWindows = 0
  /// Ids of the questions whose answer was not found.
  public var notFoundQuestionIds: [Int] = []
}

/// Encodes DocVQA questions as `[CLS] question [SEP] words [SEP]`.
///
/// Question tokens get box `[0,0,0,0]` and token type 0; the context tokens take their word's box
/// and token type 1 (`layoutlm-reference.md` §A.11). Long pages give several windows that
/// overlap by `stride` pieces. In each window the answer span's first and last token are the
/// targets; a window that does not hold the whole span points at [CLS] (0, 0), as in BERT SQuAD.
public struct QAEncoder: Sendable {
  /// The WordPiece tokenizer.
  public var tokenizer: WordPieceTokenizer
  /// T at most (384 in the LayoutLMv2 paper).
  public var maxSequenceLength: Int
  /// Pieces of overlap between windows (HF's `doc_stride`).
  public var stride: Int
  /// Question pieces kept at most.
  public var maxQuestionLength: Int
  /// Boxes of [CLS], [SEP] and [PAD].
  public var specialBoxes: SpecialTokenBoxes
  /// The bound of the fuzzy answer match (`AnswerSpan`); 0 turns it off.
  public var maxAnswerEditRatio = AnswerSpan.defaultMaxEditRatio

  /// Creates an encoder; the window must leave room for context after the question.
  public init(
    tokenizer: WordPieceTokenizer, maxSequenceLength: Int = 384, stride: Int = 128,
    maxQuestionLength: Int = 64, specialBoxes: SpecialTokenBoxes = .sepThousands
  ) throws {
    guard maxQuestionLength >= 1, maxSequenceLength >= maxQuestionLength + 4 else {
      throw DataFormatError(
        file: "encoder", entry: "maxSequenceLength \(maxSequenceLength)",
        expected: "at least maxQuestionLength + 4 = \(maxQuestionLength + 4)")
    }
    guard stride >= 0, stride < maxSequenceLength - maxQuestionLength - 3 else {
      throw DataFormatError(
        file: "encoder", entry: "stride \(stride)",
        expected: "0..<\(maxSequenceLength - maxQuestionLength - 3)")
    }
    self.tokenizer = tokenizer
    self.maxSequenceLength = maxSequenceLength
    self.stride = stride
    self.maxQuestionLength = maxQuestionLength
    self.specialBoxes = specialBoxes
  }

  /// Encodes every question against its document (by `Question.documentId`); a question whose
  /// document is missing throws.
  public func encode(_ questions: [Question], documents: [Document]) throws -> QAEncoding {
    var byId: [String: Document] = [:]
    for document in documents { byId[document.id] = document }
    var result = QAEncoding()
    for question in questions {
      guard let document = byId[question.documentId] else {
        throw DataFormatError(
          file: "question \(question.questionId)", entry: "document '\(question.documentId)'",
          expected: "a page with that id among the documents")
      }
      try encode(question, document: document, into: &result)
    }
    return result
  }

  /// Encodes one question, adding its windows and counts to `result`.
  public func encode(_ question: Question, document: Document, into result: inout QAEncoding) throws
  {
    var normalizer = try BoxNormalizer(
      pageWidth: document.pageWidth, pageHeight: document.pageHeight, source: document.id)
    let located = AnswerSpan.locate(
      answers: question.answers, in: document.words, maxEditRatio: maxAnswerEditRatio)
    let span = located?.span
    result.questions += 1
    if question.answers.isEmpty {
      result.questionsWithoutAnswers += 1
    } else if span == nil {
      result.answersNotFound += 1
      result.notFoundQuestionIds.append(question.questionId)
    } else {
      result.answersFound += 1
      if located?.match == .fuzzy { result.answersMatchedFuzzily += 1 }
    }
    var report = EncodingReport()
    report.documents = 1
    var context: [PiecedWord] = []
    for (index, word) in document.words.enumerated() {
      if isBlank(word.text) {
        report.blankWordsDropped += 1
        continue
      }
      let box = normalizer.normalize(word.box)
      let pieces = tokenizer.pieces(ofWord: word.text)
      if pieces.isEmpty {
        report.wordsWithoutTokens += 1
        continue
      }
      context.append(PiecedWord(wordIndex: index, pieces: pieces, box: box, label: ignoredLabel))
    }
    report.words = context.count
    report.boxes = normalizer.counts
    let questionPieces = Array(tokenizer.encode(question.text).prefix(maxQuestionLength))
    let capacity = maxSequenceLength - 3 - questionPieces.count
    let (ranges, truncated) = windowRanges(context, capacity: capacity, stride: stride)
    report.truncatedWords = truncated
    var inSomeWindow = false
    for (windowIndex, range) in (ranges.isEmpty ? [0..<0] : ranges).enumerated() {
      var window = EncodedWindow(documentId: document.id, windowIndex: windowIndex)
      window.questionId = question.questionId
      window.append(id: tokenizer.clsId, box: specialBoxes.cls)
      for piece in questionPieces { window.append(id: piece, box: .zeros) }
      window.append(id: tokenizer.sepId, box: specialBoxes.sep)
      var start: Int32 = 0
      var end: Int32 = 0
      for word in context[range] {
        if let span, word.wordIndex == span.lowerBound { start = Int32(window.length) }
        for piece in word.pieces.prefix(capacity) {
          window.append(id: piece, box: word.box, tokenType: 1, wordIndex: Int32(word.wordIndex))
        }
        if let span, word.wordIndex == span.upperBound, start > 0 { end = Int32(window.length - 1) }
      }
      if end == 0 { start = 0 } else { inSomeWindow = true }
      window.append(id: tokenizer.sepId, box: specialBoxes.sep, tokenType: 1)
      window.startPosition = start
      window.endPosition = end
      result.windows.append(window)
    }
    if span != nil && !inSomeWindow { result.answersOutsideWindows += 1 }
    report.windows = max(ranges.count, 1)
    result.report.add(report)
  }
}
