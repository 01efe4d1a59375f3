// LayoutLab — a split's encoded windows, in memory or in an unlinked temporary file that
// batches read their own windows from.

import Foundation
import LayoutData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The encoded windows `[W]` of one split.
///
/// `WindowList.Builder(onDisk: true)` appends each window to a temporary file as it is
/// encoded, so memory holds one offset per window (the file is unlinked at once: it vanishes
/// when the list is released, or when the process dies). Reading a batch reads only its
/// windows.
public struct WindowList: Sendable {
  enum Store: Sendable {
    case memory([EncodedWindow])
    case file(WindowFile)
  }
  let store: Store

  /// In memory.
  public init(_ windows: [EncodedWindow]) { store = .memory(windows) }

  init(file: WindowFile) { store = .file(file) }

  /// The number of windows.
  public var count: Int {
    switch store {
    case .memory(let windows): return windows.count
    case .file(let file): return file.offsets.count - 1
    }
  }

  /// The windows at `indices`, in that order.
  public func windows<Indices: Sequence<Int>>(_ indices: Indices) throws -> [EncodedWindow] {
    switch store {
    case .memory(let windows): return indices.map { windows[$0] }
    case .file(let file): return try indices.map(file.window)
    }
  }

  /// Every window (for code that needs them all at once).
  public func all() throws -> [EncodedWindow] { try windows(0..<count) }

  /// Builds a list window by window.
  public struct Builder {
    var memory: [EncodedWindow] = []
    var file: WindowFile.Writer?

    /// A builder that keeps windows in memory, or on disk when `onDisk`.
    public init(onDisk: Bool) throws {
      if onDisk { file = try WindowFile.Writer() }
    }

    /// Appends `windows`.
    public mutating func append(contentsOf windows: [EncodedWindow]) throws {
      if file != nil {
        for window in windows { try file?.append(window) }
      } else {
        memory += windows
      }
    }

    /// The finished list.
    public func finish() throws -> WindowList {
      if let file { return WindowList(file: try file.finish()) }
      return WindowList(memory)
    }
  }
}

/// Windows serialized back to back in an unlinked file, read by offset with `pread`.
final class WindowFile: @unchecked Sendable {
  let descriptor: Int32
  /// Start of each record, and the end of the last one.
  let offsets: [Int]

  init(descriptor: Int32, offsets: [Int]) {
    self.descriptor = descriptor
    self.offsets = offsets
  }

  deinit { close(descriptor) }

  /// Window `index`, decoded from its record.
  func window(_ index: Int) throws -> EncodedWindow {
    let (start, end) = (offsets[index], offsets[index + 1])
    var bytes = [UInt8](repeating: 0, count: end - start)
    let got = bytes.withUnsafeMutableBytes {
      pread(descriptor, $0.baseAddress, end - start, off_t(start))
    }
    guard got == end - start else {
      throw DataFormatError(
        file: "encoded window file", entry: "window \(index)",
        expected: "\(end - start) bytes at offset \(start)")
    }
    var reader = WindowRecordReader(bytes: bytes)
    return try reader.window()
  }

  /// Appends records to a new unlinked temporary file.
  struct Writer {
    let descriptor: Int32
    var offsets = [0]
    var buffer: [UInt8] = []

    init() throws {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "layoutlab-windows-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
      ).path
      descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
      guard descriptor >= 0 else {
        throw DataEnvironmentError("cannot create a temporary window file at \(path)")
      }
      unlink(path)
    }

    mutating func append(_ window: EncodedWindow) throws {
      buffer.removeAll(keepingCapacity: true)
      WindowRecordWriter.write(window, into: &buffer)
      let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard written == buffer.count else {
        throw DataEnvironmentError(
          "cannot write the temporary window file (disk full?): \(written) of \(buffer.count) bytes"
        )
      }
      offsets.append(offsets[offsets.count - 1] + buffer.count)
    }

    func finish() throws -> WindowFile {
      WindowFile(descriptor: descriptor, offsets: offsets)
    }
  }
}

/// The byte layout of one window: the document id, the window index, each Int32 array with
/// its count, and the optional scalars with presence flags (all little-endian).
enum WindowRecordWriter {
  static func write(_ window: EncodedWindow, into bytes: inout [UInt8]) {
    func int(_ value: Int64) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    func array(_ values: [Int32]) {
      int(Int64(values.count))
      for value in values {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
      }
    }
    func optional(_ value: Int64?) {
      bytes.append(value == nil ? 0 : 1)
      int(value ?? 0)
    }
    let id = Array(window.documentId.utf8)
    int(Int64(id.count))
    bytes.append(contentsOf: id)
    int(Int64(window.windowIndex))
    for values in [
      window.inputIds, window.bbox, window.attentionMask, window.tokenTypeIds, window.labels,
      window.wordIndexOfToken,
    ] {
      array(values)
    }
    optional(window.startPosition.map(Int64.init))
    optional(window.endPosition.map(Int64.init))
    optional(window.questionId.map(Int64.init))
    optional(window.classLabel.map(Int64.init))
  }
}

/// Reads what `WindowRecordWriter` wrote, checking every count against the bytes left.
struct WindowRecordReader {
  let bytes: [UInt8]
  var position = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func int() throws -> Int64 {
    guard position + 8 <= bytes.count else { throw damaged() }
    var value: Int64 = 0
    for k in 0..<8 { value |= Int64(bytes[position + k]) << (8 * Int64(k)) }
    position += 8
    return value
  }

  mutating func array() throws -> [Int32] {
    let count = Int(try int())
    guard count >= 0, position + 4 * count <= bytes.count else { throw damaged() }
    var values = [Int32](repeating: 0, count: count)
    for i in 0..<count {
      var value: UInt32 = 0
      for k in 0..<4 { value |= UInt32(bytes[position + 4 * i + k]) << (8 * UInt32(k)) }
      values[i] = Int32(bitPattern: value)
    }
    position += 4 * count
    return values
  }

  mutating func optional() throws -> Int64? {
    guard position < bytes.count else { throw damaged() }
    let present = bytes[position] == 1
    position += 1
    let value = try int()
    return present ? value : nil
  }

  mutating func window() throws -> EncodedWindow {
    let idLength = Int(try int())
    guard idLength >= 0, position + idLength <= bytes.count else { throw damaged() }
    let id = String(decoding: bytes[position..<position + idLength], as: UTF8.self)
    position += idLength
    var window = EncodedWindow(documentId: id, windowIndex: Int(try int()))
    window.inputIds = try array()
    window.bbox = try array()
    window.attentionMask = try array()
    window.tokenTypeIds = try array()
    window.labels = try array()
    window.wordIndexOfToken = try array()
    window.startPosition = try optional().map { Int32($0) }
    window.endPosition = try optional().map { Int32($0) }
    window.questionId = try optional().map { Int($0) }
    window.classLabel = try optional().map { Int32($0) }
    guard position == bytes.count else { throw damaged() }
    return window
  }

  func damaged() -> DataFormatError {
    DataFormatError(
      file: "encoded window file", entry: "window record",
      expected: "a whole record (\(bytes.count) bytes, read to \(position))")
  }
}
