#include "core/run/checkpoint_type_code.h"

#include <caffe2/serialize/inline_container.h>

#include <regex>
#include <sstream>
#include <string_view>

#include "core/input_error.h"

namespace isl {

namespace {

// The declarations LibTorch writes for an OutputArchive: the class line, then member lines of
// the forms below. Names are quoted strings of plain characters (optimiser state keys hold
// slashes and hexadecimal addresses); types are the few the archives use.
const std::regex& member_line() {
  static const std::string name = R"("[A-Za-z0-9_./]+")";
  static const std::string identifier = "[A-Za-z_][A-Za-z0-9_]*";
  static const std::string type =
      R"((Tensor|int|float|bool|str|Tuple\[float, float\]|__torch__(\.___torch_mangle_[0-9]+)?\.Module))";
  static const std::regex line("  (__parameters__ = \\[(" + name + ", )*\\]|__buffers__ = \\[(" + name +
                               ", )*\\]|__annotations__ = \\[\\]|__annotations__\\[" + name + "\\] = " + type +
                               "|" + identifier + " : " + type + ")");
  return line;
}

bool is_code_record(std::string_view record) {
  static const std::regex code(R"(code/__torch__(/___torch_mangle_[0-9]+)?\.py)");
  return std::regex_match(record.begin(), record.end(), code);
}

void check_source(const std::string& source, const std::string& path, const std::string& record) {
  std::istringstream lines(source);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    const bool valid = number == 1 ? line == "class Module(Module):" : std::regex_match(line, member_line());
    if (!valid)
      throw InputError(path, "has damaged type code (" + record + ", line " + std::to_string(number) + ")");
  }
  if (number < 1) throw InputError(path, "has damaged type code (" + record + " is empty)");
}

}  // namespace

void check_checkpoint_type_code(const std::string& path) {
  try {
    caffe2::serialize::PyTorchStreamReader reader(path);
    for (const std::string& record : reader.getAllRecords()) {
      const bool debug_table = record.size() > 10 && record.compare(record.size() - 10, 10, ".debug_pkl") == 0;
      if (record.rfind("code/", 0) != 0 || debug_table) continue;
      if (!is_code_record(record)) throw InputError(path, "has an unexpected type code record " + record);
      const auto [data, size] = reader.getRecord(record);
      check_source(std::string(static_cast<const char*>(data.get()), size), path, record);
    }
  } catch (const c10::Error& error) {
    std::string message = error.what_without_backtrace();
    throw InputError(path, "is not a readable checkpoint (" + message.substr(0, message.find('\n')) + ")");
  }
}

}  // namespace isl
