#pragma once
// The metrics of a run as TensorBoard scalars (`tensorboard --logdir DIR`).
#include <string>
#include <vector>

#include "core/run/training_events.h"

namespace isl {

// Writes `directory`/events.out.tfevents.<unix seconds>.<hostname> (the directory is created
// if missing) and returns its path: TensorFlow's record framing around Event messages, a first
// Event with file_version "brain.Event:2", then one Event per finite value of each record,
// tagged "<stage>/<key>" for epoch records (backbone/loss, gan/gan_generator,
// mining/proxy_confidence) and "<kind>/<key>" for the others (eval/knn_top1, probe/linear_top1,
// final/knn_top1_final). The step is global_epoch, except for GAN and mining epochs, which
// count that stage's epochs across rounds (global_epoch stands still while they run). The
// wall time is the record's `seconds` after a start placed so that the last record is now.
// Throws InputError naming the directory or the file.
std::string export_tensorboard_scalars(const std::vector<MetricsRecord>& records, const std::string& directory);

}  // namespace isl
