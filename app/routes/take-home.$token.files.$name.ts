// The files that come with the take-home's prompt, as downloads; only names the kit lists.
import type { Route } from "./+types/take-home.$token.files.$name";
import { notFound } from "#app/utils/http.server";
import { takeHomeFromLink } from "#app/models/take-home-link.server";

export async function loader({ params }: Route.LoaderArgs) {
  const { kit } = await takeHomeFromLink(params.token);
  const file = kit.content?.files.find((f) => f.name === params.name) ?? notFound("No such file in this take-home.");
  return new Response(file.text, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${file.name}"`,
    },
  });
}
