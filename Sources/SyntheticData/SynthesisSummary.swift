// LayoutLab — what a synthesis run produced: counts by split, label and cue.

import Foundation

/// Counts of a synthetic dataset; written (without timing) as `synth.json` beside the data.
public struct SynthesisSummary: Codable, Sendable, Equatable {
  /// The kind that was generated.
  public var kind: SynthesisKind
  /// Pages generated.
  public var documents: Int
  /// The seed of the run.
  public var seed: UInt64
  /// The options of the run.
  public var options: SynthesisOptions
  /// Pages per split name.
  public var splits: [String: Int] = [:]
  /// Labelled items per label: entities (`forms`), pages per class name (`classify`).
  public var labels: [String: Int] = [:]
  /// Labelled items per cue: entities, pages or questions.
  public var cues: [String: Int] = [:]
  /// Labelled items per cue, then per label (`forms`, `classify`).
  public var labelsByCue: [String: [String: Int]] = [:]
  /// Template ids per split name.
  public var templatesBySplit: [String: [Int]] = [:]
  /// Questions (`qa`).
  public var questions: Int = 0
  /// OCR words written.
  public var words: Int = 0
  /// Wall-clock seconds of the run (not in the manifest).
  public var elapsedSeconds: Double = 0
  /// CPU seconds the process spent on the run, all threads (not in the manifest).
  public var cpuSeconds: Double = 0
  /// Threads used (not in the manifest).
  public var threads: Int = 1

  /// Pages rendered and written per CPU second: the per-core speed, whatever else runs.
  public var pagesPerCPUSecond: Double { cpuSeconds > 0 ? Double(documents) / cpuSeconds : 0 }

  /// Pages rendered and written per second per thread.
  public var pagesPerSecondPerThread: Double {
    elapsedSeconds > 0 ? Double(documents) / elapsedSeconds / Double(max(1, threads)) : 0
  }

  enum CodingKeys: String, CodingKey {
    case kind, documents, seed, options, splits, labels, cues, labelsByCue, templatesBySplit
    case questions, words
  }

  /// Creates an empty summary.
  public init(kind: SynthesisKind, documents: Int, seed: UInt64, options: SynthesisOptions) {
    self.kind = kind
    self.documents = documents
    self.seed = seed
    self.options = options
  }

  /// Adds one page's counts.
  mutating func add(_ page: PageRecord) {
    splits[page.split, default: 0] += 1
    for (label, cue) in page.items {
      labels[label, default: 0] += 1
      if let cue {
        cues[cue, default: 0] += 1
        labelsByCue[cue, default: [:]][label, default: 0] += 1
      }
    }
    for cue in page.questionCues { cues[cue, default: 0] += 1 }
    questions += page.questionCues.count
    words += page.words
    var templates = templatesBySplit[page.split, default: []]
    if !templates.contains(page.template) {
      templates.append(page.template)
      templates.sort()
    }
    templatesBySplit[page.split] = templates
  }
}

/// What one generated page contributes to the summary.
struct PageRecord: Sendable {
  var split: String
  var template: Int
  /// (label, cue) of every labelled item on the page.
  var items: [(String, String?)] = []
  var questionCues: [String] = []
  var words: Int = 0
}

extension SynthesisSummary: CustomStringConvertible {
  /// A few lines for the terminal: pages per split, labels, cue mix and speed.
  public var description: String {
    func line(_ counts: [String: Int]) -> String {
      let total = max(1, counts.values.reduce(0, +))
      return counts.keys.sorted().map {
        "\($0) \(counts[$0] ?? 0) (\(Int((Double(counts[$0] ?? 0) / Double(total) * 100).rounded())) %)"
      }.joined(separator: ", ")
    }
    var lines = ["synth \(kind.rawValue): \(documents) pages, \(words) OCR words, seed \(seed)"]
    lines.append(
      "splits: " + splits.keys.sorted().map { "\($0) \(splits[$0] ?? 0)" }.joined(separator: ", "))
    if !labels.isEmpty { lines.append("labels: " + line(labels)) }
    if questions > 0 { lines.append("questions: \(questions)") }
    if !cues.isEmpty { lines.append("cues: " + line(cues)) }
    if elapsedSeconds > 0 {
      lines.append(
        String(
          format:
            "time: %.2f s wall on %d thread(s) (%.1f pages/s per thread), %.2f CPU s "
            + "(%.1f pages per CPU second), rendered and written",
          elapsedSeconds, threads, pagesPerSecondPerThread, cpuSeconds, pagesPerCPUSecond))
    }
    return lines.joined(separator: "\n")
  }
}
