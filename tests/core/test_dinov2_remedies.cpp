// DINOv2's remedies against collapse: Sinkhorn-Knopp teacher targets and the KoLeo regulariser,
// against numbers from an independent float64 PyTorch implementation of DINOv2's formulas (run with
// Debian's python3-torch; the numbers are stored here, not the script), plus their properties.
#include <catch2/catch.hpp>

#include "core_test_util.h"
#include "loss/koleo.h"
#include "loss/sinkhorn.h"

#include <cmath>
#include <vector>

using namespace dino;
using dino::test::closeness;

namespace {

torch::Tensor matrix(const std::vector<std::vector<double>>& rows, torch::ScalarType dtype = torch::kFloat64) {
    const int64_t r = static_cast<int64_t>(rows.size()), c = static_cast<int64_t>(rows[0].size());
    auto t = torch::empty({r, c}, torch::kFloat64);
    auto a = t.accessor<double, 2>();
    for (int64_t i = 0; i < r; ++i)
        for (int64_t j = 0; j < c; ++j) a[i][j] = rows[i][j];
    return t.to(dtype);
}

const std::vector<std::vector<double>> kScores = {{-0.026493023816318757, 0.10261462620106894, 0.12335041693625794, 0.3015344987505732, -0.03352299276129151},
     {-0.17963816359335502, -0.029453937906510696, -0.10533640534746619, 0.21627079372374822, -0.0650790544940557},
     {-0.31280398645288665, 0.07342981750935473, -0.2966179741139585, -0.15586956911238362, -0.8055727125476014},
     {-0.04450188313638834, -0.5356673878279397, -0.280626713070937, 0.2653037351690821, 0.47454074765624926},
     {0.032881891471054005, 0.030289710294338856, -0.02161517943091999, 0.2407138960123576, 0.036135802430947314},
     {0.15440960845045465, -0.027420554547896485, 0.7093485948419093, -0.1230920325445318, 0.1546640695330772}};

}  // namespace

TEST_CASE("Sinkhorn-Knopp targets equal the reference (3 iterations at T 0.07, 1 iteration at T 0.04)", "[loss][sinkhorn]") {
    const auto scores = matrix(kScores);
    const auto want3 = matrix({{0.1954362697086423, 0.3187130668520144, 0.0019071791552660324, 0.48094188042203, 0.0030016038620473092},
     {0.10220577278054428, 0.22523380147599287, 0.00033898893798474877, 0.6633050801463646, 0.008916356659113436},
     {0.015282733818403737, 0.9814306304248414, 2.2097799982200426e-05, 0.003264310486044011, 2.2747072862621197e-07},
     {0.03215983752934252, 7.437133445255744e-06, 1.2649494502983387e-06, 0.061002665886501925, 0.9068287945012601},
     {0.5852237984464104, 0.14541984720837917, 0.00030827442489840426, 0.2586375339085734, 0.010410546011738651},
     {0.23704851192352677, 0.004551027062016437, 0.7542583612249266, 0.00010211662683724438, 0.004039983162692875}});
    const auto want1 = matrix({{0.008744118651786115, 0.49847440666630916, 3.725495606808574e-07, 0.4927784888215071, 2.6133108370249886e-06},
     {0.002468330278618618, 0.23832308195604757, 1.5910648726902033e-08, 0.7591931543198138, 1.54175348712994e-05},
     {2.833606232362172e-05, 0.9999494995239071, 4.272090281049238e-11, 2.21643710033877e-05, 4.507886569428122e-14},
     {0.005245654353484923, 5.5105669686488646e-08, 1.4410214003360634e-11, 0.18745350196800437, 0.8073007885584309},
     {0.16917878202813563, 0.3583933709994693, 4.3572752123946645e-08, 0.4723624186103176, 6.538478932540252e-05},
     {0.4783978775675407, 0.011474972596208388, 0.5099484318556755, 7.182499168358784e-06, 0.0001715354814070892}});
    // float32 arithmetic: rtol 1e-4, atol 1e-7 on probabilities as small as 1e-14.
    CHECK(closeness(sinkhornKnoppTargets(scores, 0.07, 3), want3, 1e-4, 1e-7) <= 1.0);
    CHECK(closeness(sinkhornKnoppTargets(scores, 0.04, 1), want1, 1e-4, 1e-7) <= 1.0);
    CHECK(closeness(sinkhornKnoppTargets(scores.to(torch::kFloat), 0.07, 3), want3, 1e-4, 1e-7) <= 1.0);
    CHECK(sinkhornKnoppTargets(scores, 0.07, 3).scalar_type() == torch::kFloat);
}

TEST_CASE("Sinkhorn-Knopp targets: rows are distributions, prototypes balanced, shift-invariant, no overflow", "[loss][sinkhorn]") {
    torch::manual_seed(3);
    const auto s = torch::randn({64, 16});
    const auto q = sinkhornKnoppTargets(s, 0.05, 3);
    CHECK(torch::allclose(q.sum(1), torch::ones({64}), 1e-5, 1e-5));
    CHECK(q.min().item<double>() >= 0);
    // Many iterations: every prototype gets N/K of the mass.
    const auto q50 = sinkhornKnoppTargets(s, 0.5, 50);  // converges fast when not too peaked
    CHECK(torch::allclose(q50.sum(0), torch::full({16}, 64.0 / 16), 1e-3, 1e-3));
    // A constant added to a prototype's scores (what the EMA centre removes) changes nothing.
    const auto shifted = s + torch::linspace(-3, 3, 16).view({1, 16});
    CHECK(torch::allclose(sinkhornKnoppTargets(shifted, 0.05, 3), q, 1e-4, 1e-6));
    // Scores / temperature of several hundred: exp would overflow without the shift.
    const auto hot = sinkhornKnoppTargets(s * 20, 0.02, 3);
    CHECK(torch::isfinite(hot).all().item<bool>());
    CHECK(torch::allclose(hot.sum(1), torch::ones({64}), 1e-4, 1e-4));
    CHECK_THROWS(sinkhornKnoppTargets(torch::randn({4}), 0.05, 3));
    CHECK_THROWS(sinkhornKnoppTargets(s, 0.0, 3));
    CHECK_THROWS(sinkhornKnoppTargets(s, 0.05, 0));
}

TEST_CASE("KoLeo loss and gradient equal the reference", "[loss][koleo]") {
    auto x = matrix({{-1.5994181420497768, 1.8092216306323758, 0.59196585463271, 0.08152327580496442},
     {-2.5363328144615163, 0.38746360361236526, -1.892490289785025, -1.0344302105788103},
     {-0.25483483473282814, -0.3987518079096042, 0.09794119114056182, -0.4208592544515152},
     {1.0110222050090112, 0.4059970155202219, -0.13377337515167056, 0.5336670395312281},
     {-1.1411785996663348, -1.743096852370876, -2.159995618177947, -0.9112175822398632}}).requires_grad_(true);
    auto loss = koleoLoss(x);
    CHECK(loss.item<double>() == Approx(0.0023374912262647653).margin(2e-7));  // float32 logs near 0
    loss.backward();
    CHECK(closeness(x.grad(), matrix({{-0.014248231031376929, 0.003444592461527063, -0.04781350199232913, -0.008794418733272871},
     {0.013705128090610225, -0.08691544427289401, -0.03266506727620393, -0.006398705922426754},
     {-0.04961033907512572, -0.07263268724501404, -0.28592171246822334, 0.03231803667278359},
     {-0.024687587014228435, 0.05207940598081684, 0.012884493159247851, 0.010379538153782626},
     {-0.11805411683482504, 0.07976753976651817, 0.022909517046861075, -0.05904865450193235}}), 1e-4, 1e-6) <= 1.0);
}

TEST_CASE("KoLeo loss: spread features score lower than clustered ones, scale-free, needs two rows", "[loss][koleo]") {
    // Four orthogonal unit vectors against four near-copies of one vector.
    const auto spread = torch::eye(4);
    const auto clustered = torch::ones({4, 4}) + 0.01 * torch::eye(4);
    CHECK(koleoLoss(spread).item<double>() == Approx(-std::log(std::sqrt(2.0))).margin(1e-6));
    CHECK(koleoLoss(clustered).item<double>() > koleoLoss(spread).item<double>() + 3);
    CHECK(koleoLoss(spread * 7.5).item<double>() == Approx(koleoLoss(spread).item<double>()).margin(1e-6));
    CHECK_THROWS(koleoLoss(torch::ones({1, 4})));
    CHECK_THROWS(koleoLoss(torch::ones({4})));
}
