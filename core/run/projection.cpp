#include "core/run/projection.h"

#include <Eigen/Dense>

#include <algorithm>

namespace isl {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

namespace {
// Rows handled at once: the centred copy of a tile is all the extra memory the projection
// needs, whatever the number of rows (a whole centred copy of ImageNet's bank would be 1.3 GB
// in doubles).
constexpr int64_t kTileRows = 8192;
}  // namespace

std::vector<float> Projection3d::apply(const float* rows, int64_t count) const {
  Eigen::Map<const Eigen::RowVectorXf> centre(mean.data(), dim);
  Eigen::Map<const RowMatrix> basis(axes.data(), 3, dim);
  std::vector<float> out(size_t(count) * 3);
  for (int64_t start = 0; start < count; start += kTileRows) {
    const int64_t tile = std::min(kTileRows, count - start);
    Eigen::Map<const RowMatrix> data(rows + start * dim, tile, dim);
    Eigen::Map<RowMatrix> projected(out.data() + start * 3, tile, 3);
    projected.noalias() = (data.rowwise() - centre) * basis.transpose();
  }
  return out;
}

Projection3d fit_pca_3d(const float* rows, int64_t count, int64_t dim, const Projection3d* previous) {
  Projection3d projection;
  projection.dim = dim;
  Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(dim);
  for (int64_t start = 0; start < count; start += kTileRows) {
    const int64_t tile = std::min(kTileRows, count - start);
    sum += Eigen::Map<const RowMatrix>(rows + start * dim, tile, dim).cast<double>().colwise().sum();
  }
  const Eigen::RowVectorXd centre = sum / double(std::max<int64_t>(count, 1));
  const Eigen::RowVectorXf centre_float = centre.cast<float>();
  // Each tile's products in float (fast, and exact enough over a few thousand rows of centred
  // unit-scale values), summed over tiles in double.
  Eigen::MatrixXd scatter = Eigen::MatrixXd::Zero(dim, dim);
  RowMatrix centred;
  for (int64_t start = 0; start < count; start += kTileRows) {
    const int64_t tile = std::min(kTileRows, count - start);
    centred = Eigen::Map<const RowMatrix>(rows + start * dim, tile, dim).rowwise() - centre_float;
    scatter += (centred.transpose() * centred).cast<double>();
  }
  Eigen::MatrixXd covariance = scatter / double(std::max<int64_t>(count - 1, 1));
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
  // Eigenvalues come in increasing order: the strongest components are the last columns.
  projection.mean.assign(centre.data(), centre.data() + dim);
  projection.axes.resize(size_t(3 * dim), 0.f);
  for (int axis = 0; axis < 3 && axis < dim; ++axis) {
    Eigen::VectorXd direction = solver.eigenvectors().col(dim - 1 - axis);
    bool flip = false;
    if (previous && previous->dim == dim) {
      Eigen::Map<const Eigen::VectorXf> before(previous->axes.data() + axis * dim, dim);
      flip = direction.dot(before.cast<double>()) < 0;
    } else {
      // Without history, point each axis so that its largest coordinate is positive.
      Eigen::Index largest;
      direction.cwiseAbs().maxCoeff(&largest);
      flip = direction(largest) < 0;
    }
    if (flip) direction = -direction;
    for (int64_t d = 0; d < dim; ++d) projection.axes[size_t(axis * dim + d)] = float(direction(d));
  }
  return projection;
}

}  // namespace isl
