// LayoutLab — model-ready page images: decoded and resized once, kept in memory or in an
// on-disk cache file that each batch reads only its own pages from.

import Foundation
import LayoutData
import TensorCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a split keeps its page images once decoded and resized.
public enum PageImageStorage: Sendable {
  /// No images (models without visual tokens).
  case none
  /// In memory, 150,528 bytes a page (tests, small sets).
  case memory
  /// In a cache file under this folder, shared by every run whose pages are the same files;
  /// memory then holds only the pages of the batch being built.
  case cache(URL)
}

/// The page images of a set of documents, `[3, 224, 224]` BGR values 0...255 each, stored as
/// bytes (the resize yields whole numbers, so this is lossless).
///
/// A document without an image gets a white page, so a v2 model can still run on it.
public struct PageImages: Sendable {
  enum Store: Sendable {
    case none
    case memory([String: [UInt8]])
    case file(PageImageFile)
  }
  let store: Store
  /// Documents that had no page image (white pages).
  public let missing: Int

  /// What loading did with the cache file, for the run's log: built, reused or rebuilt.
  public var cacheNote: String? {
    if case .file(let file) = store { return file.note }
    return nil
  }

  /// No images.
  public static let none = PageImages(store: .none, missing: 0)

  /// Bytes per page: `3 × 224 × 224`.
  public static let pageBytes = EncodedBatch.imageElementCount

  init(store: Store, missing: Int) {
    self.store = store
    self.missing = missing
  }

  /// Decodes and resizes each document's page image (`Document.imagePath`) into `storage`.
  /// With `.cache(folder)`, a cache file made earlier for the same image files is reused;
  /// one that is truncated or belongs to other files is rebuilt.
  public static func load(_ documents: [Document], storage: PageImageStorage) throws -> PageImages {
    switch storage {
    case .none:
      return .none
    case .memory:
      var pages: [String: [UInt8]] = [:]
      var missing = 0
      for document in documents {
        let (bytes, found) = try pageBytes(of: document)
        pages[document.id] = bytes
        if !found { missing += 1 }
      }
      return PageImages(store: .memory(pages), missing: missing)
    case .cache(let folder):
      let file = try PageImageFile.openOrBuild(documents, folder: folder)
      return PageImages(store: .file(file), missing: file.missing)
    }
  }

  /// One document's model-ready bytes, and whether it had an image.
  static func pageBytes(of document: Document) throws -> ([UInt8], found: Bool) {
    guard let path = document.imagePath else {
      return ([UInt8](repeating: 255, count: pageBytes), false)
    }
    let image = try decodeImage(contentsOf: URL(fileURLWithPath: path))
    return (ModelPixels.values(from: image).map { UInt8($0) }, true)
  }

  /// Whether there are no images at all.
  public var isEmpty: Bool {
    if case .none = store { return true }
    return false
  }

  /// Writes the page of `documentId` as floats at `destination` (`pageBytes` values).
  func copyPage(of documentId: String, into destination: UnsafeMutablePointer<Float>) throws {
    switch store {
    case .none:
      throw DataFormatError(file: documentId, entry: "page image", expected: "a loaded page image")
    case .memory(let pages):
      guard let bytes = pages[documentId], bytes.count == PageImages.pageBytes else {
        throw DataFormatError(
          file: documentId, entry: "page image", expected: "\(PageImages.pageBytes) pixel values")
      }
      for i in 0..<bytes.count { destination[i] = Float(bytes[i]) }
    case .file(let file):
      try file.copyPage(of: documentId, into: destination)
    }
  }
}

extension PageImages {
  /// `[n, 3, 224, 224]` for the pages of `documentIds`, in order.
  func batchTensor(_ documentIds: [String]) throws -> Tensor {
    let tensor = Tensor(zeros: [documentIds.count, 3, 224, 224])
    for (row, id) in documentIds.enumerated() {
      try copyPage(of: id, into: tensor.pointer + row * PageImages.pageBytes)
    }
    return tensor
  }
}
