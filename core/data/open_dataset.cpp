#include <array>
#include <utility>

#include "core/data/cifar.h"
#include "core/data/folder_dataset.h"
#include "core/data/image_dataset.h"
#include "core/data/mnist.h"
#include "core/data/svhn.h"
#include "core/input_error.h"

namespace isl::data {
namespace {

constexpr std::array<std::pair<DatasetKind, const char*>, 5> kNames{{
    {DatasetKind::Mnist, "mnist"},
    {DatasetKind::Cifar10, "cifar10"},
    {DatasetKind::Cifar100, "cifar100"},
    {DatasetKind::Svhn, "svhn"},
    {DatasetKind::Folder, "folder"},
}};

}  // namespace

std::string to_string(DatasetKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

DatasetKind dataset_kind_from_string(const std::string& name) {
  std::string known;
  for (const auto& [kind, text] : kNames) {
    if (name == text) return kind;
    known += (known.empty() ? "" : ", ") + std::string(text);
  }
  throw InputError("dataset", "unknown data set kind '" + name + "' (expected one of " + known + ")");
}

TrainTestSplit open_dataset(DatasetKind kind, const std::string& path, int input_size) {
  if (input_size < 1) throw InputError("input size", std::to_string(input_size) + " is not a positive size");
  switch (kind) {
    case DatasetKind::Mnist: return open_mnist(path, input_size);
    case DatasetKind::Cifar10: return open_cifar(CifarVariant::Cifar10, path, input_size);
    case DatasetKind::Cifar100: return open_cifar(CifarVariant::Cifar100, path, input_size);
    case DatasetKind::Svhn: return open_svhn(path, input_size);
    case DatasetKind::Folder: return open_image_folders(path, input_size);
  }
  throw InputError("dataset", "unknown data set kind");
}

}  // namespace isl::data
