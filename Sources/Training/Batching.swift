// LayoutLab — encoded windows to model inputs: padding, labels, page images.

import Foundation
import LayoutData
import LayoutModels
import TensorCore

/// Page images for a set of documents, computed once: `[3, 224, 224]` BGR floats per document.
public struct PageImages: Sendable {
  /// Pixels by document id.
  public var pixels: [String: [Float]]

  /// No images (models without visual tokens).
  public static let none = PageImages(pixels: [:])

  /// Creates the store from precomputed pixels.
  public init(pixels: [String: [Float]]) { self.pixels = pixels }

  /// Decodes and resizes each document's page image (`Document.imagePath`).
  ///
  /// A document without an image gets a white page, so a v2 model can still run on it; the
  /// count of such documents is returned so callers can report it.
  public static func load(_ documents: [Document]) throws -> (PageImages, missing: Int) {
    var pixels: [String: [Float]] = [:]
    var missing = 0
    for document in documents {
      if let path = document.imagePath {
        let image = try decodeImage(contentsOf: URL(fileURLWithPath: path))
        pixels[document.id] = ModelPixels.values(from: image)
      } else {
        missing += 1
        pixels[document.id] = [Float](repeating: 255, count: EncodedBatch.imageElementCount)
      }
    }
    return (PageImages(pixels: pixels), missing)
  }
}

/// A batch ready for the model.
public struct ModelBatch {
  public var inputs: ModelInputs
  public var labels: TaskLabels
  public var windows: [EncodedWindow]
}

/// Pads `windows` into one batch; adds the page images when `withImages`.
public func makeBatch(
  _ windows: [EncodedWindow], images: PageImages, withImages: Bool, padId: Int32 = 0
) throws -> ModelBatch {
  let batch = try EncodedBatch.collate(windows, padId: padId)
  var image: Tensor?
  if withImages {
    let size = EncodedBatch.imageElementCount
    let tensor = Tensor(zeros: [windows.count, 3, 224, 224])
    for (row, window) in windows.enumerated() {
      guard let pixels = images.pixels[window.documentId], pixels.count == size else {
        throw DataFormatError(
          file: window.documentId, entry: "page image", expected: "\(size) pixel values")
      }
      pixels.withUnsafeBufferPointer { source in
        if let base = source.baseAddress {
          (tensor.pointer + row * size).update(from: base, count: size)
        }
      }
    }
    image = tensor
  }
  let inputs = ModelInputs(
    batchSize: batch.batchSize, sequenceLength: batch.sequenceLength, inputIds: batch.inputIds,
    bbox: batch.bbox, attentionMask: batch.attentionMask, tokenTypeIds: batch.tokenTypeIds,
    image: image)
  var labels = TaskLabels()
  labels.tokenLabels = batch.labels.map { Int($0) }
  labels.sequenceLabels = batch.classLabels?.map { Int($0) }
  labels.startPositions = batch.startPositions?.map { Int($0) }
  labels.endPositions = batch.endPositions?.map { Int($0) }
  return ModelBatch(inputs: inputs, labels: labels, windows: windows)
}
