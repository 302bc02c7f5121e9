#include "web/html.hpp"
#include "web/sponsored_block.hpp"

#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/funding_chart.hpp>
#include <loxodon/web/funding_pages.hpp>

#include <cstdio>

namespace lox::web {

namespace {

std::string source_label(const std::string& source) {
  if (source == "donation") return "Donations";
  if (source == "membership") return "Memberships";
  if (source == "sponsorship") return "Sponsorships";
  return "Other income";
}

std::string category_label(const std::string& category) {
  return category.empty() ? "Other costs" : category;
}

std::string money_text(std::int64_t minor, const std::string& currency) {
  if (currency.empty()) return "0";
  return domain::format_amount(minor, currency) + " " + currency;
}

std::string amount_table(const std::vector<domain::AmountByKey>& rows, const std::string& heading,
                         const std::string& currency, bool income, const std::string& id) {
  std::string out = "<table id=\"" + id + "\"><thead><tr><th>" + html_escape(heading) +
                    "</th><th class=\"num\">Amount</th></tr></thead><tbody>";
  if (rows.empty()) out += "<tr><td colspan=\"2\">Nothing recorded.</td></tr>";
  for (const auto& row : rows) {
    out += "<tr><td>" + html_escape(income ? source_label(row.key) : category_label(row.key)) +
           "</td><td class=\"num\">" + html_escape(money_text(row.amount_minor, currency)) +
           "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string one_decimal(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", value);
  return buf;
}

// This month's goal, how far it is reached, and the stretch goals.
std::string goal_section(const domain::FundingSummary& s) {
  const std::string& c = s.currency;
  std::string out = "<section id=\"goal\"><h2>This month (" + html_escape(s.month) + ")</h2>";
  if (s.monthly_goal_minor > 0) {
    auto percent = domain::whole_percent(s.raised_this_month_minor, s.monthly_goal_minor);
    out += "<p><strong id=\"raised\">" + html_escape(money_text(s.raised_this_month_minor, c)) +
           "</strong> raised of a monthly goal of <strong id=\"goal-amount\">" +
           html_escape(money_text(s.monthly_goal_minor, c)) + "</strong> (<span id=\"percent\">" +
           std::to_string(percent) + "%</span>).</p><progress max=\"" +
           std::to_string(s.monthly_goal_minor) + "\" value=\"" +
           std::to_string(std::max<std::int64_t>(0, s.raised_this_month_minor)) + "\">" +
           std::to_string(percent) + "%</progress>";
  } else {
    out += "<p><strong id=\"raised\">" + html_escape(money_text(s.raised_this_month_minor, c)) +
           "</strong> raised so far. No monthly goal is set.</p>";
  }
  if (!s.stretch_goals.empty()) {
    out += "<h3>Stretch goals</h3><ul id=\"stretch-goals\">";
    for (const auto& g : s.stretch_goals) {
      out += "<li>" + std::string(g.reached ? "&#10003; Reached: " : "") + "<strong>" +
             html_escape(g.goal.title) + "</strong> at " +
             html_escape(money_text(g.goal.amount_minor, g.goal.currency)) + " a month";
      if (!g.goal.description.empty()) out += " &mdash; " + html_escape(g.goal.description);
      out += "</li>";
    }
    out += "</ul>";
  }
  out += "</section>";
  return out;
}

// Balance, average costs, runway and the reserve aimed for.
std::string reserves_section(const domain::FundingSummary& s) {
  const std::string& c = s.currency;
  std::string out = "<section id=\"reserves\"><h2>Reserves</h2><table><tbody>";
  out += "<tr><td>Balance</td><td class=\"num\" id=\"balance\">" +
         html_escape(money_text(s.balance_minor, c)) + "</td></tr>";
  out += "<tr><td>Average monthly costs</td><td class=\"num\" id=\"monthly-costs\">" +
         html_escape(money_text(s.monthly_costs_minor, c)) + "</td></tr>";
  out += "<tr><td>Runway</td><td class=\"num\" id=\"runway\">" +
         (s.runway_months ? one_decimal(*s.runway_months) + " months" : std::string("&mdash;")) +
         "</td></tr>";
  if (s.reserve_target_minor > 0) {
    out += "<tr><td>Reserve target</td><td class=\"num\" id=\"reserve\">" +
           html_escape(money_text(s.reserve_target_minor, c)) + "</td></tr>";
  }
  for (const auto& [currency, balance] : s.other_balances) {
    out += "<tr><td>Balance in " + html_escape(currency) + "</td><td class=\"num\">" +
           html_escape(money_text(balance, currency)) + "</td></tr>";
  }
  out += "</tbody></table></section>";
  return out;
}

// The share of active people who are members, and the memberships members funded for others.
std::string supporters_section(const domain::FundingSummary& s) {
  std::string out = "<section id=\"supporters\"><h2>Supporters</h2><p>";
  if (s.supporters.active_users > 0) {
    auto share = static_cast<double>(s.supporters.active_supporters) * 100.0 /
                 static_cast<double>(s.supporters.active_users);
    out += "<span id=\"supporter-count\">" + std::to_string(s.supporters.active_supporters) +
           "</span> of " + std::to_string(s.supporters.active_users) +
           " people active in the last 30 days support this instance with a membership (" +
           one_decimal(share) + "%).";
  } else {
    out += "Nobody has been active in the last 30 days yet.";
  }
  if (s.seats_funded > 0) {
    out += " Members funded <span id=\"seats\">" + std::to_string(s.seats_funded) +
           "</span> membership(s) for others; " + std::to_string(s.seats_given) +
           " of them have been given.";
  }
  out += "</p></section>";
  return out;
}

// The thanks wall; nothing when nobody asked to be thanked.
std::string thanks_section(const std::vector<domain::DonationThanks>& wall) {
  std::string out;
  if (!wall.empty()) {
    out += "<section id=\"thanks\"><h2>Thank you</h2><ul>";
    for (const auto& t : wall) {
      const char* every = t.recurrence == "monthly"  ? " (every month)"
                          : t.recurrence == "yearly" ? " (every year)"
                                                     : "";
      out += "<li><strong>" + (t.name ? html_escape(*t.name) : std::string("Anonymous")) +
             "</strong>" + every;
      if (!t.message.empty()) out += " &mdash; " + html_escape(t.message);
      out += "</li>";
    }
    out += "</ul></section>";
  }
  return out;
}

// The instance's payment links; nothing when it has none.
std::string support_section(const config::Config& config) {
  std::string out;
  auto links = lox::activitypub::payment_links(config);
  if (!links.empty()) {
    out += "<section id=\"support\"><h2>Support us</h2><ul>";
    for (const auto& link : links) {
      std::string href = link.value("href", "");
      std::string name = link.value("name", href);
      out += "<li><a rel=\"payment noopener noreferrer\" href=\"" + html_escape(href) + "\">" +
             html_escape(name) + "</a></li>";
    }
    out += "</ul></section>";
  }
  return out;
}

}  // namespace

FundingPages::FundingPages(const config::Config& config, services::FundingService& funding,
                           services::SponsorService& sponsors, services::AuthService& auth)
    : config_(config), funding_(funding), sponsors_(sponsors), viewer_(config, auth) {}

void FundingPages::add_routes(http::Router& r) {
  http::RouteOptions anonymous;
  anonymous.anonymous_log = true;
  r.add(
      "GET", "/about/funding", [this](http::Request& req) { return funding_page(req); }, anonymous);
  r.add(
      "GET", "/about/funding/chart.svg", [this](http::Request& req) { return chart(req); },
      anonymous);
}

awaitable<http::Response> FundingPages::funding_page(http::Request& req) {
  auto published = co_await funding_.published();
  const auto& s = published.summary;
  const auto& wall = published.thanks;
  auto sponsored = co_await sponsored_html(viewer_, sponsors_, req, "funding");
  const std::string& c = s.currency;
  std::string body;
  if (!s.description.empty()) body += "<p>" + html_escape(s.description) + "</p>";

  body += goal_section(s);

  body += "<section id=\"chart\"><h2>The last 12 months</h2>" + funding_chart_svg(s) +
          "<p><a href=\"/about/funding/chart.svg\">Chart as an image</a></p></section>";

  body += "<section id=\"income\"><h2>Income this month</h2>" +
          amount_table(s.income_by_source, "Source", c, true, "income-month") +
          "<h2>Costs this month</h2>" +
          amount_table(s.costs_by_category, "Category", c, false, "costs-month") +
          "<h2>Income over 12 months</h2>" +
          amount_table(s.income_by_source_12_months, "Source", c, true, "income-year") +
          "<h2>Costs over 12 months</h2>" +
          amount_table(s.costs_by_category_12_months, "Category", c, false, "costs-year") +
          "</section>";

  body += reserves_section(s);
  body += supporters_section(s);
  body += thanks_section(wall);
  body += support_section(config_);
  body += sponsored;
  body +=
      "<p><a href=\"/about/sponsors\">Sponsors and disclosure</a> &middot; "
      "<a href=\"/api/v1/instance/funding\">These figures as JSON</a></p>";
  co_return page(200, config_.instance.title, "Funding", body, true);
}

awaitable<http::Response> FundingPages::chart(http::Request&) {
  auto s = co_await funding_.summary();
  http::Response res = http::Response::text(200, funding_chart_svg(s), "image/svg+xml");
  // An SVG opened directly is a document: no script, no outside resources, ever.
  res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "public, max-age=60");
  co_return res;
}

}  // namespace lox::web
