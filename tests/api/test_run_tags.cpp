// Tags, the hidden flag and deleting a run (engine/api/run_tags.h): tags.json written atomically and read
// back, normalized and de-duplicated; bad files named in the error; readRunRow fills them; deleteRun
// removes a run directory and nothing else, and refuses a run whose lock is held (a writer training it)
// or a directory that is not a run.
#include "api/run_directory.h"
#include "api/run_lock.h"
#include "api/run_table.h"
#include "api/run_tags.h"
#include "common/fsutil.h"
#include "cli_test_util.h"
#include "run_fixture.h"
#include "test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using namespace dino;

TEST_CASE("run tags: written to tags.json, read back, edited, and read by the run table", "[run_tags]") {
    test::TempDir tmp("runtags");
    const std::string run = tmp.path() + "/r";
    test::writeFixtureRun(run, test::FixtureRun{});

    CHECK(api::readRunTags(run).tags.empty());  // no tags.json: none, not hidden
    CHECK_FALSE(api::readRunTags(run).hidden);

    api::RunTags t;
    t.tags = {" baseline ", "lr sweep", "baseline"};
    api::writeRunTags(run, t);
    const auto j = nlohmann::json::parse(readTextFile(api::runTagsPath(run)));
    CHECK(j["tags"] == nlohmann::json({"baseline", "lr sweep"}));  // trimmed, once each, in order
    CHECK(j["hidden"] == false);
    CHECK(test::tempFiles(run).empty());  // temp file + rename: nothing left behind

    auto e = api::editRunTags(run, {"best", "baseline"}, {"lr sweep"});
    CHECK(e.tags == std::vector<std::string>{"baseline", "best"});
    api::setRunHidden(run, true);
    e = api::readRunTags(run);
    CHECK(e.hidden);
    CHECK(e.tags == std::vector<std::string>{"baseline", "best"});  // hiding keeps the tags

    const api::RunRow row = api::readRunRow(run, "r");
    CHECK(row.error.empty());
    CHECK(row.tags == std::vector<std::string>{"baseline", "best"});
    CHECK(row.hidden);
    const auto table = api::makeRunTable({row}, {});
    CHECK(api::runTableText(table).find("baseline,best") != std::string::npos);
    CHECK(api::runTableCsv(table).find("\"baseline,best\"") != std::string::npos);  // one quoted CSV cell
    const auto tj = nlohmann::json::parse(api::runTableJson(table));
    CHECK(tj["runs"][0]["tags"] == nlohmann::json({"baseline", "best"}));
    CHECK(tj["runs"][0]["hidden"] == true);

    CHECK_THROWS_WITH(api::editRunTags(run, {"a,b"}, {}), Catch::Contains("\"a,b\"") && Catch::Contains("comma"));
    CHECK_THROWS_WITH(api::editRunTags(run, {"  "}, {}), Catch::Contains("empty"));

    writeFileAtomic(api::runTagsPath(run), R"({"tags": "baseline"})");
    CHECK_THROWS_WITH(api::readRunTags(run), Catch::Contains(api::runTagsPath(run)) && Catch::Contains("\"tags\""));
    writeFileAtomic(api::runTagsPath(run), R"({"tags": [], "hidden": "yes"})");
    CHECK_THROWS_WITH(api::readRunTags(run), Catch::Contains("\"hidden\""));
    writeFileAtomic(api::runTagsPath(run), "{not json");
    CHECK_THROWS_WITH(api::readRunTags(run), Catch::Contains(api::runTagsPath(run)));
    CHECK_FALSE(api::readRunRow(run).error.empty());  // the row says why instead of throwing
}

TEST_CASE("deleteRun: removes the run directory, refuses a locked run and anything that is not a run", "[run_tags]") {
    test::TempDir tmp("rundelete");
    const std::string root = tmp.path();
    const std::string a = root + "/a", b = root + "/b";
    test::writeFixtureRun(a, test::FixtureRun{});
    test::writeFixtureRun(b, test::FixtureRun{});
    ensureDir(a + "/checkpoints");
    writeFileAtomic(a + "/checkpoints/last.ckpt", std::string(1000, 'x'));
    CHECK(api::directorySize(a) >= 1000);

    {
        auto lock = api::RunLock::acquire(a, "test trainer");
        try {
            api::deleteRun(a);
            FAIL("deleted a run whose lock is held");
        } catch (const api::RunLockedError& e) {
            CHECK(std::string(e.what()).find("pid " + std::to_string(::getpid())) != std::string::npos);
            CHECK(std::string(e.what()).find(api::hostName()) != std::string::npos);
        }
        CHECK(fs::exists(a + "/checkpoints/last.ckpt"));  // nothing deleted
        CHECK(fs::exists(api::runConfigPath(a)));
    }
    api::deleteRun(a);
    CHECK_FALSE(fs::exists(a));
    CHECK(fs::exists(api::runConfigPath(b)));  // its neighbour untouched
    CHECK(fs::exists(root));

    ensureDir(root + "/plain");
    writeFileAtomic(root + "/plain/notes.txt", "keep me");
    CHECK_THROWS_WITH(api::deleteRun(root + "/plain"), Catch::Contains("not a run directory"));
    CHECK(fs::exists(root + "/plain/notes.txt"));
    CHECK_THROWS_WITH(api::deleteRun(root + "/missing"), Catch::Contains("no such directory"));
    fs::create_directory_symlink(b, root + "/link");
    CHECK_THROWS_WITH(api::deleteRun(root + "/link"), Catch::Contains("symbolic link"));
    CHECK(fs::exists(api::runConfigPath(b)));
}
