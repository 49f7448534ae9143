// A guard in front of LibTorch's TorchScript importer for checkpoint files.
#pragma once

#include <string>

namespace isl {

// A LibTorch archive describes the type of every saved module in TorchScript source under
// code/. torch::jit::load compiles that source, and LibTorch 1.13's compiler crashes (rather
// than throws) on some damaged source. Checkpoints written by this program hold only class
// declarations of a fixed, simple form; this checks each code record against that form and
// throws InputError(path, ...) for anything else, so damaged type code never reaches the
// compiler. A file that is not a readable zip archive also gets an InputError.
void check_checkpoint_type_code(const std::string& path);

}  // namespace isl
