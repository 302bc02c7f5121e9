#include "web/sponsored_block.hpp"

#include <loxodon/util/html.hpp>

namespace lox::web {

std::string local_media_path(const std::string& key) { return "/system/media/" + key; }

std::string sponsored_block(const domain::PlacementView& view) {
  const auto& p = view.placement;
  std::string href = "/sponsored/" + std::to_string(p.id) + "/click";
  std::string out = "<aside id=\"sponsored\" class=\"sponsored\" data-placement=\"" +
                    std::to_string(p.id) + "\"><div class=\"label\">Sponsored &middot; " +
                    html_escape(view.sponsor.name) + "</div>";
  const std::string link_open = "<a href=\"" + href +
                                "\" rel=\"sponsored noopener noreferrer\" "
                                "referrerpolicy=\"no-referrer\">";
  if (p.creative_key) {
    out += link_open + "<img src=\"" + html_escape(local_media_path(*p.creative_key)) +
           "\" alt=\"" + html_escape(p.creative_description) + "\"></a>";
  }
  out += "<p><strong>" + link_open + html_escape(p.headline) + "</a></strong></p>";
  if (!p.body.empty()) out += "<p>" + html_escape(p.body) + "</p>";
  return out + "</aside>";
}

awaitable<std::string> sponsored_html(const PageViewer& viewer, services::SponsorService& sponsors,
                                      const http::Request& request, std::string surface,
                                      std::optional<std::string> community) {
  auto user = co_await viewer.current_user(request);
  std::optional<std::int64_t> viewer_id;
  if (user) viewer_id = user->account.id;
  auto shown = co_await sponsors.show(std::move(surface), std::move(community), viewer_id);
  co_return shown ? sponsored_block(*shown) : std::string();
}

}  // namespace lox::web
