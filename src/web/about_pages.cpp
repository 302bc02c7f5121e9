#include "web/html.hpp"
#include "web/sponsored_block.hpp"

#include <loxodon/util/html.hpp>
#include <loxodon/util/time_format.hpp>
#include <loxodon/web/about_pages.hpp>

#include <charconv>

namespace lox::web {

namespace {

std::string kind_label(const std::string& kind) {
  if (kind == "partnership") return "Partnership";
  if (kind == "event") return "Sponsored event";
  return "Sponsor";
}

std::string surface_label(const domain::Placement& p) {
  if (p.surface == "community") return "Community page #" + p.community.value_or("");
  if (p.surface == "funding") return "Funding page";
  if (p.surface == "sponsors") return "Sponsors page";
  if (p.surface == "about") return "About page";
  return "Announcements";
}

std::string sponsor_link(const domain::Sponsor& s) {
  if (s.url.empty()) return html_escape(s.name);
  return "<a href=\"" + html_escape(s.url) +
         "\" rel=\"sponsored noopener noreferrer\" referrerpolicy=\"no-referrer\">" +
         html_escape(s.name) + "</a>";
}

std::string sponsor_rows(const std::vector<domain::Sponsor>& sponsors, bool current,
                         const std::string& today) {
  std::string out;
  for (const auto& s : sponsors) {
    bool is_current = !s.ends_on || *s.ends_on >= today;
    if (is_current != current) continue;
    out += "<tr><td>";
    if (s.logo_key) {
      out += "<img class=\"logo\" src=\"" + html_escape(local_media_path(*s.logo_key)) +
             "\" alt=\"\"> ";
    }
    out += sponsor_link(s) + "</td><td>" + html_escape(kind_label(s.kind)) +
           (s.tier.empty() ? "" : " (" + html_escape(s.tier) + ")") + "</td><td>" +
           (s.community ? "#" + html_escape(*s.community) : std::string("Instance")) + "</td><td>" +
           html_escape(s.starts_on) + " &ndash; " +
           (s.ends_on ? html_escape(*s.ends_on) : std::string("ongoing")) +
           (s.renewal == "none" ? "" : " (renews " + html_escape(s.renewal) + ")") + "</td><td>" +
           (s.price_band.empty() ? "&mdash;" : html_escape(s.price_band)) + "</td><td>" +
           html_escape(s.terms) + "</td></tr>";
  }
  return out;
}

std::string sponsor_table(const std::vector<domain::Sponsor>& sponsors, bool current,
                          const std::string& today, const std::string& id) {
  std::string rows = sponsor_rows(sponsors, current, today);
  if (rows.empty()) return "<p>None.</p>";
  return "<table id=\"" + id +
         "\"><thead><tr><th>Name</th><th>Kind</th><th>Through</th><th>Period</th>"
         "<th>Price band</th><th>Terms</th></tr></thead><tbody>" +
         rows + "</tbody></table>";
}

}  // namespace

AboutPages::AboutPages(const config::Config& config, services::InstanceService& instance,
                       services::SponsorService& sponsors, services::AuthService& auth)
    : config_(config), instance_(instance), sponsors_(sponsors), viewer_(config, auth) {}

void AboutPages::add_routes(http::Router& r) {
  http::RouteOptions anonymous;
  anonymous.anonymous_log = true;
  r.add(
      "GET", "/about", [this](http::Request& req) { return about(req); }, anonymous);
  r.add(
      "GET", "/about/more", [this](http::Request& req) { return about(req); }, anonymous);
  r.add(
      "GET", "/about/sponsors", [this](http::Request& req) { return sponsors_page(req); },
      anonymous);
  r.add(
      "GET", "/sponsored/:id/click", [this](http::Request& req) { return click(req); }, anonymous);
}

awaitable<http::Response> AboutPages::about(http::Request& req) {
  auto snapshot = co_await instance_.snapshot();
  const auto& i = config_.instance;
  std::string body;
  if (!i.description.empty()) {
    body += "<p>" + html_escape(i.description) + "</p>";
  } else if (!i.short_description.empty()) {
    body += "<p>" + html_escape(i.short_description) + "</p>";
  }
  body += "<p>" + std::to_string(snapshot->stats.user_count) + " people have accounts here; " +
          std::to_string(snapshot->stats.active_month) + " were active in the last 30 days.</p>";
  if (!snapshot->rules.empty()) {
    body += "<h2>Rules</h2><ol id=\"rules\">";
    for (const auto& rule : snapshot->rules) {
      body += "<li>" + html_escape(rule.text);
      if (!rule.hint.empty()) body += "<br><small>" + html_escape(rule.hint) + "</small>";
      body += "</li>";
    }
    body += "</ol>";
  }
  if (!i.contact_email.empty()) {
    body += "<h2>Contact</h2><p><a href=\"mailto:" + html_escape(i.contact_email) + "\">" +
            html_escape(i.contact_email) + "</a></p>";
  }
  body +=
      "<h2>Funding</h2><p>This instance publishes where its money comes from and where it "
      "goes. <a href=\"/about/funding\">Funding and goals</a> &middot; "
      "<a href=\"/about/sponsors\">Sponsors and disclosure</a></p>";
  body += co_await sponsored_html(viewer_, sponsors_, req, "about");
  if (!i.source_url.empty()) {
    body += "<p><small>Runs <a href=\"" + html_escape(i.source_url) +
            "\" rel=\"noopener noreferrer\">Loxodon</a>.</small></p>";
  }
  co_return page(200, i.title, "About " + i.title, body, true);
}

awaitable<http::Response> AboutPages::sponsors_page(http::Request& req) {
  auto disclosure = co_await sponsors_.disclosure();
  std::string today = format_date(std::chrono::system_clock::now());
  std::string body =
      "<p>Every sponsor, partnership and sponsored event of this instance, with its period and "
      "price band. Sponsored placements appear only on the about, funding and sponsors pages, "
      "in announcements and on community pages: never in timelines, profiles, notifications or "
      "posts, and never to members whose plan is ad-free. They are chosen by weight and "
      "schedule, not by anything about you, and their images come from this server. Nothing "
      "about who sees or follows them is kept: only a count of views and clicks per placement "
      "per day.</p>";
  body += co_await sponsored_html(viewer_, sponsors_, req, "sponsors");
  body += "<h2>Current</h2>" + sponsor_table(disclosure.sponsors, true, today, "current-sponsors");
  body += "<h2>Past</h2>" + sponsor_table(disclosure.sponsors, false, today, "past-sponsors");
  body += "<h2>Placements</h2>";
  if (disclosure.placements.empty()) {
    body += "<p>None.</p>";
  } else {
    std::map<std::int64_t, std::string> names;
    for (const auto& s : disclosure.sponsors) names[s.id] = s.name;
    body +=
        "<table id=\"placements\"><thead><tr><th>Sponsor</th><th>Where</th><th>Headline</th>"
        "<th>Period</th></tr></thead><tbody>";
    for (const auto& p : disclosure.placements) {
      body += "<tr><td>" + html_escape(names[p.sponsor_id]) + "</td><td>" +
              html_escape(surface_label(p)) + "</td><td>" + html_escape(p.headline) + "</td><td>" +
              format_date(p.starts_at) + " &ndash; " +
              (p.ends_at ? format_date(*p.ends_at) : std::string("ongoing")) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  if (!disclosure.offers.empty()) {
    body += "<h2>Offers for members</h2><ul id=\"offers\">";
    for (const auto& o : disclosure.offers) {
      body += "<li><strong>" + html_escape(o.title) + "</strong> from " +
              html_escape(o.sponsor_name) + ", " + format_date(o.starts_at) + " &ndash; " +
              (o.ends_at ? format_date(*o.ends_at) : std::string("ongoing")) + "</li>";
    }
    body += "</ul>";
  }
  body += "<p><a href=\"/about/funding\">Funding and goals</a></p>";
  co_return page(200, config_.instance.title, "Sponsors and disclosure", body, true);
}

awaitable<http::Response> AboutPages::click(http::Request& req) {
  std::string_view text = req.path_param("id").value_or("");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size()) {
    co_return http::Response::error(404, "Record not found");
  }
  auto target = co_await sponsors_.click(id);
  http::Response res = redirect(target, 303);
  // The sponsor learns nothing from us about where the visitor came from.
  res.set_header("Referrer-Policy", "no-referrer");
  co_return res;
}

}  // namespace lox::web
