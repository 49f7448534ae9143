#pragma once
#include <cstdint>
#include <vector>

namespace isl {

// A linear map from D dimensions to 3: the first three principal components of a point set.
struct Projection3d {
  int64_t dim = 0;
  std::vector<float> mean;  // D
  std::vector<float> axes;  // 3 x D, unit rows, strongest component first

  // rows x D (row-major) -> rows x 3.
  std::vector<float> apply(const float* rows, int64_t count) const;
};

// PCA of `count` rows of `dim` floats. When `previous` has the same dimension, each axis's
// sign is chosen to agree with the previous axis, so successive views of a slowly changing
// memory bank do not flip.
Projection3d fit_pca_3d(const float* rows, int64_t count, int64_t dim, const Projection3d* previous = nullptr);

}  // namespace isl
