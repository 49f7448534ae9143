#include "core/run/projection.h"

#include <Eigen/Dense>

namespace isl {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

std::vector<float> Projection3d::apply(const float* rows, int64_t count) const {
  Eigen::Map<const RowMatrix> data(rows, count, dim);
  Eigen::Map<const Eigen::RowVectorXf> centre(mean.data(), dim);
  Eigen::Map<const RowMatrix> basis(axes.data(), 3, dim);
  std::vector<float> out(size_t(count) * 3);
  Eigen::Map<RowMatrix> projected(out.data(), count, 3);
  projected.noalias() = (data.rowwise() - centre) * basis.transpose();
  return out;
}

Projection3d fit_pca_3d(const float* rows, int64_t count, int64_t dim, const Projection3d* previous) {
  Eigen::Map<const RowMatrix> data(rows, count, dim);
  Projection3d projection;
  projection.dim = dim;
  Eigen::RowVectorXd centre = data.cast<double>().colwise().mean();
  Eigen::MatrixXd centred = data.cast<double>().rowwise() - centre;
  Eigen::MatrixXd covariance = (centred.transpose() * centred) / double(std::max<int64_t>(count - 1, 1));
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
