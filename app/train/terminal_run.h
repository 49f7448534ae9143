#pragma once
namespace isl {
class Trainer;
class TrainingObserver;
}  // namespace isl

namespace isl::cli {

// Exit statuses of isl-train (README: "The headless trainer").
enum ExitStatus { kFinished = 0, kFailed = 1, kBadInput = 2, kStopped = 3, kNumericalFault = 4 };

// Trains `trainer` to its end in the terminal, `reporter` showing its progress: Ctrl-C or
// SIGTERM stops it cleanly, and a numerical fault ends it (a terminal has nobody to resume a
// paused run; the last good checkpoint is the one to resume). Returns the exit status.
ExitStatus train_in_terminal(Trainer& trainer, TrainingObserver& reporter);

}  // namespace isl::cli
