// Internal: precision, recall and F1 from counts, and the rounding of figures, shared by the scorers of lib/score.
#pragma once

#include <kg/score.hpp>

#include <cstddef>
#include <cstdio>
#include <string>

namespace kg::detail {

/// P = tp / predicted, R = tp / gold, F1 their harmonic mean; 0 where a denominator is 0.
inline PRF make_prf(std::size_t tp, std::size_t predicted, std::size_t gold) {
    PRF p;
    p.true_positives = tp;
    p.predicted = predicted;
    p.gold = gold;
    p.precision = predicted ? static_cast<double>(tp) / static_cast<double>(predicted) : 0.0;
    p.recall = gold ? static_cast<double>(tp) / static_cast<double>(gold) : 0.0;
    p.f1 = p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0.0;
    return p;
}

/// `v` with `digits` decimals, as the scorers print every figure (so that their output is byte-stable).
inline std::string fixed(double v, int digits) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}
inline std::string fixed4(double v) { return fixed(v, 4); }
inline std::string fixed3(double v) { return fixed(v, 3); }

}  // namespace kg::detail
