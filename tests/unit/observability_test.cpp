#include <loxodon/app/prometheus_metrics.hpp>
#include <loxodon/http/request_ids.hpp>
#include <loxodon/util/json_log_formatter.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/details/log_msg.h>

#include <string>

namespace lox {
namespace {

using nlohmann::json;

TEST(RequestIds, KeepsPlainIdsOnly) {
  EXPECT_TRUE(http::RequestIds::acceptable("abc-123"));
  EXPECT_TRUE(http::RequestIds::acceptable("A.b_C-9"));
  EXPECT_TRUE(http::RequestIds::acceptable(std::string(128, 'a')));
  EXPECT_FALSE(http::RequestIds::acceptable(std::string(129, 'a')));
  EXPECT_FALSE(http::RequestIds::acceptable(""));
  // Anything that could forge or split a log line, or is not an id.
  for (const char* bad : {"a b", "a\nb", "a\"b", "a=b", "a/b", "ä", "a\\b", "a\tb", "{}"}) {
    EXPECT_FALSE(http::RequestIds::acceptable(bad)) << bad;
  }
}

TEST(RequestIds, UsesTheIncomingIdOrMakesOne) {
  http::RequestIds ids;
  EXPECT_EQ(ids.for_request("abc-123"), "abc-123");
  std::string made = ids.for_request("not an id");
  EXPECT_NE(made, "not an id");
  EXPECT_TRUE(http::RequestIds::acceptable(made));
  std::string other = ids.for_request(std::nullopt);
  EXPECT_TRUE(http::RequestIds::acceptable(other));
  EXPECT_NE(made, other);
}

std::string format_line(std::string_view logger, spdlog::level::level_enum level,
                        std::string_view message) {
  JsonLogFormatter formatter;
  spdlog::details::log_msg msg(spdlog::string_view_t(logger.data(), logger.size()), level,
                               spdlog::string_view_t(message.data(), message.size()));
  spdlog::memory_buf_t out;
  formatter.format(msg, out);
  return std::string(out.data(), out.size());
}

TEST(JsonLogFormatter, EscapesEveryMessageIntoOneObjectPerLine) {
  const std::string hostile = "quote \" backslash \\ newline \n tab \t bell \x07 end";
  std::string line = format_line("lox.http", spdlog::level::warn, hostile);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line per entry";
  json parsed = json::parse(line);
  EXPECT_EQ(parsed["message"], hostile);
  EXPECT_EQ(parsed["logger"], "lox.http");
  EXPECT_EQ(parsed["level"], "warning");
  std::string time = parsed["time"];
  EXPECT_EQ(time.size(), 24u);
  EXPECT_EQ(time.back(), 'Z');
}

TEST(JsonLogFormatter, ReplacesInvalidUtf8) {
  std::string line = format_line("lox", spdlog::level::info, "bad \xff\xfe bytes");
  json parsed = json::parse(line);  // throws on invalid UTF-8
  EXPECT_NE(parsed["message"].get<std::string>().find("bad "), std::string::npos);
}

TEST(JsonLogFormatter, MergesAnObjectMessageWithoutOverridingItsOwnFields) {
  std::string message =
      R"({"message":"GET /x 200","request_id":"abc-123","status":200,"level":"forged"})";
  json parsed = json::parse(format_line("lox.http", spdlog::level::info, message));
  EXPECT_EQ(parsed["message"], "GET /x 200");
  EXPECT_EQ(parsed["request_id"], "abc-123");
  EXPECT_EQ(parsed["status"], 200);
  EXPECT_EQ(parsed["level"], "info");
  // Not an object: written as a message, escaped.
  json plain = json::parse(format_line("lox", spdlog::level::info, "{not json}"));
  EXPECT_EQ(plain["message"], "{not json}");
}

TEST(PrometheusMetrics, LabelsRequestsByRouteAndBoundedMethod) {
  app::PrometheusMetrics metrics;
  metrics.record_request("/api/v1/statuses/:id", "GET", 200, 0.01);
  metrics.record_request("/api/v1/statuses/:id", "GET", 200, 0.02);
  metrics.record_request("unmatched", "BREW", 404, 0.001);
  metrics.record_job("status.fan_out", JobOutcome::kCompleted, 0.5);
  metrics.record_delivery(DeliveryResult::kDelivered);
  std::string text = metrics.scrape();
  EXPECT_NE(text.find("loxodon_http_requests_total{method=\"GET\",route=\"/api/v1/statuses/:id\","
                      "status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("method=\"OTHER\",route=\"unmatched\",status=\"404\""), std::string::npos);
  EXPECT_EQ(text.find("BREW"), std::string::npos);
  EXPECT_NE(text.find("loxodon_jobs_completed_total{kind=\"status.fan_out\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("loxodon_deliveries_total{result=\"delivered\"} 1"), std::string::npos);
}

}  // namespace
}  // namespace lox
