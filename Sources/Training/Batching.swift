// LayoutLab — encoded windows to model inputs: padding, labels, page images.

import Foundation
import LayoutData
import LayoutModels
import TensorCore

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
  var inputs = ModelInputs(
    batchSize: batch.batchSize, sequenceLength: batch.sequenceLength, inputIds: batch.inputIds,
    bbox: batch.bbox, attentionMask: batch.attentionMask, tokenTypeIds: batch.tokenTypeIds)
  if withImages {
    // A page that several windows (questions) share is loaded, and run through the visual
    // backbone, once.
    var pages: [String] = []
    var rowOfPage: [String: Int32] = [:]
    let rows = windows.map { window -> Int32 in
      if let row = rowOfPage[window.documentId] { return row }
      let row = Int32(pages.count)
      rowOfPage[window.documentId] = row
      pages.append(window.documentId)
      return row
    }
    inputs.image = try images.batchTensor(pages)
    inputs.imageRows = pages.count < windows.count ? rows : nil
  }
  var labels = TaskLabels()
  labels.tokenLabels = batch.labels.map { Int($0) }
  labels.sequenceLabels = batch.classLabels?.map { Int($0) }
  labels.startPositions = batch.startPositions?.map { Int($0) }
  labels.endPositions = batch.endPositions?.map { Int($0) }
  return ModelBatch(inputs: inputs, labels: labels, windows: windows)
}
