#include <loxodon/media/blurhash.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace lox::media {

namespace {

constexpr std::string_view kDigits =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

void append_base83(std::string& out, int value, int length) {
  int divisor = 1;
  for (int i = 1; i < length; ++i) divisor *= 83;
  for (int i = 0; i < length; ++i) {
    out += kDigits[static_cast<std::size_t>((value / divisor) % 83)];
    divisor /= 83;
  }
}

double srgb_to_linear(std::uint8_t value) {
  double v = value / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

int linear_to_srgb(double value) {
  double v = std::clamp(value, 0.0, 1.0);
  if (v <= 0.0031308) return static_cast<int>(v * 12.92 * 255 + 0.5);
  return static_cast<int>((1.055 * std::pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
}

double sign_pow(double value, double exponent) {
  return std::copysign(std::pow(std::abs(value), exponent), value);
}

using Pixel = std::array<double, 3>;

std::vector<Pixel> linear_pixels(const std::uint8_t* rgb, int width, int height,
                                 std::size_t stride) {
  std::vector<Pixel> linear(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = rgb + static_cast<std::size_t>(y) * stride;
    for (int x = 0; x < width; ++x) {
      auto& p = linear[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                       static_cast<std::size_t>(x)];
      for (int c = 0; c < 3; ++c) p[static_cast<std::size_t>(c)] = srgb_to_linear(row[x * 3 + c]);
    }
  }
  return linear;
}

// One factor per component: the image's average colour (DC) first, then the AC ones.
std::vector<Pixel> cosine_factors(const std::vector<Pixel>& linear, int width, int height,
                                  int x_components, int y_components) {
  std::vector<Pixel> factors;
  for (int cy = 0; cy < y_components; ++cy) {
    for (int cx = 0; cx < x_components; ++cx) {
      double normalisation = (cx == 0 && cy == 0) ? 1 : 2;
      std::array<double, 3> sum{0, 0, 0};
      for (int y = 0; y < height; ++y) {
        double basis_y = std::cos(std::numbers::pi * cy * y / height);
        for (int x = 0; x < width; ++x) {
          double basis = normalisation * std::cos(std::numbers::pi * cx * x / width) * basis_y;
          const auto& p = linear[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                 static_cast<std::size_t>(x)];
          for (std::size_t c = 0; c < 3; ++c) sum[c] += basis * p[c];
        }
      }
      double scale = 1.0 / (static_cast<double>(width) * height);
      for (auto& v : sum) v *= scale;
      factors.push_back(sum);
    }
  }
  return factors;
}

}  // namespace

std::string blurhash_encode(const std::uint8_t* rgb, int width, int height, std::size_t stride,
                            int x_components, int y_components) {
  if (rgb == nullptr || width < 1 || height < 1 || x_components < 1 || x_components > 9 ||
      y_components < 1 || y_components > 9) {
    return "";
  }
  // Linear-light pixels once, then one cosine basis per component.
  const std::vector<Pixel> linear = linear_pixels(rgb, width, height, stride);
  const std::vector<Pixel> factors =
      cosine_factors(linear, width, height, x_components, y_components);

  std::string out;
  append_base83(out, (x_components - 1) + (y_components - 1) * 9, 1);
  double maximum = 1;
  if (factors.size() > 1) {
    double actual = 0;
    for (std::size_t i = 1; i < factors.size(); ++i) {
      for (double v : factors[i]) actual = std::max(actual, std::abs(v));
    }
    int quantised = std::clamp(static_cast<int>(std::floor(actual * 166 - 0.5)), 0, 82);
    maximum = (quantised + 1) / 166.0;
    append_base83(out, quantised, 1);
  } else {
    append_base83(out, 0, 1);
  }
  const auto& dc = factors[0];
  append_base83(
      out, (linear_to_srgb(dc[0]) << 16) + (linear_to_srgb(dc[1]) << 8) + linear_to_srgb(dc[2]), 4);
  for (std::size_t i = 1; i < factors.size(); ++i) {
    int q[3];
    for (std::size_t c = 0; c < 3; ++c) {
      q[c] = std::clamp(
          static_cast<int>(std::floor(sign_pow(factors[i][c] / maximum, 0.5) * 9 + 9.5)), 0, 18);
    }
    append_base83(out, q[0] * 19 * 19 + q[1] * 19 + q[2], 2);
  }
  return out;
}

}  // namespace lox::media
