/**
 * The code review puts the files, the diff and the review side by side: 200 px of files, 330 px
 * of comments and the code between them. Below this width the diff has no room left (at 572 px
 * it was squeezed to nothing), so the review needs a laptop or desktop, says so before Start, and
 * holds Start on a narrower screen rather than run the clock on a page that can't be used.
 */
export const CODE_REVIEW_MIN_WIDTH_PX = 960;
