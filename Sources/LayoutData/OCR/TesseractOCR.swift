// LayoutLab — OCR with the tesseract command-line tool (Debian's `tesseract-ocr`).

import Foundation

/// Settings for a tesseract run.
public struct TesseractOptions: Sendable, Hashable {
  /// Page segmentation mode (`--psm`). 4 (a single column of text of variable sizes) finds all
  /// 12 DocVQA sample answers with tesseract 5.3; the default 3 finds 10.
  public var pageSegmentationMode: Int
  /// Language (`-l`).
  public var language: String
  /// The executable; `nil` searches `PATH`.
  public var executable: String?

  /// Creates options.
  public init(pageSegmentationMode: Int = 4, language: String = "eng", executable: String? = nil) {
    self.pageSegmentationMode = pageSegmentationMode
    self.language = language
    self.executable = executable
  }
}

/// Runs tesseract and reads its TSV output into documents.
public enum TesseractOCR {
  /// The tesseract executable, or an error that says how to install it.
  public static func locateExecutable(_ explicit: String? = nil) throws -> URL {
    if let explicit {
      guard FileManager.default.isExecutableFile(atPath: explicit) else {
        throw DataEnvironmentError("tesseract executable \(explicit) not found or not executable")
      }
      return URL(fileURLWithPath: explicit)
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("tesseract")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw DataEnvironmentError(
      "tesseract was not found on PATH. Install it (Debian/Ubuntu: 'sudo apt-get install -y tesseract-ocr') and try again."
    )
  }

  /// The first line of `tesseract --version` (e.g. `tesseract 5.3.0`), for provenance.
  public static func version(_ options: TesseractOptions = TesseractOptions()) throws -> String {
    let run = try runTesseract(["--version"], options: options)
    // Older versions print the version on standard error.
    let text = String(decoding: run.output.isEmpty ? run.errors : run.output, as: UTF8.self)
    let first = text.split(separator: "\n").first.map(String.init)
    guard run.status == 0, let first, !first.isEmpty else {
      throw DataEnvironmentError("\(run.executable.path) --version failed (exit \(run.status))")
    }
    return first.trimmingCharacters(in: .whitespaces)
  }

  /// Runs tesseract with `arguments` and `OMP_THREAD_LIMIT=1` (same output, much faster on few
  /// cores), returning its exit status, standard output and standard error. Standard error goes
  /// through a file so that a chatty tesseract cannot block on a full pipe.
  private static func runTesseract(_ arguments: [String], options: TesseractOptions) throws -> (
    executable: URL, status: Int32, output: Data, errors: Data
  ) {
    let executable = try locateExecutable(options.executable)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["OMP_THREAD_LIMIT"] = "1"
    process.environment = environment
    let output = Pipe()
    let errorLog = FileManager.default.temporaryDirectory
      .appendingPathComponent("layoutlab-tesseract-\(UUID().uuidString).log")
    guard FileManager.default.createFile(atPath: errorLog.path, contents: nil),
      let errors = FileHandle(forWritingAtPath: errorLog.path)
    else {
      throw DataEnvironmentError(
        "cannot create a log file in \(errorLog.deletingLastPathComponent().path)")
    }
    defer {
      try? errors.close()
      try? FileManager.default.removeItem(at: errorLog)
    }
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw DataEnvironmentError("cannot start \(executable.path): \(error.localizedDescription)")
    }
    let data: Data
    do {
      data = try output.fileHandleForReading.readToEnd() ?? Data()
    } catch {
      process.terminate()
      process.waitUntilExit()
      throw DataEnvironmentError(
        "cannot read the output of \(executable.path): \(error.localizedDescription)")
    }
    process.waitUntilExit()
    let errorData = (try? Data(contentsOf: errorLog)) ?? Data()
    return (executable, process.terminationStatus, data, errorData)
  }

  /// OCRs one page image: words with pixel boxes, lines, and the page size.
  ///
  /// Runs `tesseract IMAGE stdout --psm N -l LANG tsv`. A failing run throws with tesseract's
  /// message.
  public static func recognize(image: URL, options: TesseractOptions = TesseractOptions()) throws
    -> Document
  {
    switch listedFileKind(image) {
    case .missing: throw DataEnvironmentError("image \(image.path) does not exist")
    case .other(let kind): throw DataEnvironmentError("image \(image.path): found \(kind)")
    case .regularFile: break
    }
    let run = try runTesseract(
      [
        image.path, "stdout", "--psm", String(options.pageSegmentationMode), "-l",
        options.language, "tsv",
      ], options: options)
    guard run.status == 0 else {
      let message = String(decoding: run.errors, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      throw DataEnvironmentError(
        "tesseract failed on \(image.path) (exit \(run.status)): \(message)")
    }
    let data = run.output
    let id = image.deletingPathExtension().lastPathComponent
    var document = try TesseractTSV.parse(
      String(decoding: data, as: UTF8.self), file: "tesseract output for \(image.path)",
      documentId: id)
    document.imagePath = image.path
    return document
  }

  /// Runs `layoutlab ocr IMAGE… --out DIR`: writes `DIR/<stem>.tsv` per image (the format the
  /// DocVQA and RVL-CDIP readers pick up) and `DIR/ocr-provenance.json` (engine, version,
  /// `--psm`), and returns one summary line per image.
  public static func run(
    images: [String], outDirectory: String, options: TesseractOptions = TesseractOptions()
  )
    throws -> String
  {
    guard !images.isEmpty else { throw DataEnvironmentError("ocr needs at least one IMAGE") }
    _ = try locateExecutable(options.executable)
    var lines: [String] = []
    for path in images {
      let image = URL(fileURLWithPath: path)
      let document = try recognize(image: image, options: options)
      let out = URL(fileURLWithPath: outDirectory).appendingPathComponent(document.id + ".tsv")
      try TesseractTSV.write(document, to: out)
      lines.append(
        "\(path): \(document.words.count) words, \(document.lines.count) lines -> \(out.path)")
    }
    // What made these files, for the reports of runs that read them.
    try OCRProvenance(
      engine: .tesseract, engineVersion: try version(options),
      pageSegmentationMode: options.pageSegmentationMode, pages: images.count,
      pagesWithOCR: images.count
    ).write(folder: URL(fileURLWithPath: outDirectory))
    return lines.joined(separator: "\n")
  }
}
