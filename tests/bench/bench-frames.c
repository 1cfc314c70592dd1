/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-frames — how fast the screen answers a tap: for every step of the
 * visitor's journeys (a ticket, a registration, a sign-up, language
 * switches), the time from the tap (the button's "clicked") to the next
 * frame drawn (the frame clock's "after-paint" of the first frame after
 * the tap that painted).
 *
 * Usage: bench-frames [--rounds N]
 *
 * The kiosk window runs in this process, as in the UI tests: a new demo
 * database in a temporary folder, the clock fixed, 1280×800, animations
 * off.  One round of every journey first warms the caches (fonts, styles,
 * templates) and is not counted.  Needs a display: tests/bench/run.sh
 * gives it Xvfb.
 *
 * Prints figures only; it never fails on one. */

#define G_LOG_DOMAIN "bench-frames"

#include "config.h"

#include <adwaita.h>

#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-window.h"

#define EXIT_SKIP 77

#define WIDTH  1280
#define HEIGHT 800

/* Targets on a two-core kiosk, in ms; printed, never asserted. */
#define TARGET_STEP_MS     50
#define TARGET_LANGUAGE_MS 100

/* How long the window rests before a timed tap, in ms: longer than a
 * frame (16.7 ms at 60 Hz), so the frame clock does not hold the tap's
 * frame back to keep its pace, as it would not for a visitor, whose taps
 * come far apart. */
#define REST_MS 40

/* How long to wait for a frame that paints after a tap, in µs. */
#define FRAME_WAIT_LIMIT (2 * G_USEC_PER_SEC)

/* The step column of the table, in characters. */
#define NAME_WIDTH 44

static int opt_rounds = 20;

static const GOptionEntry entries[] = {
  { "rounds", 'n', 0, G_OPTION_ARG_INT, &opt_rounds, "Go through every journey N times (default 20)", "N" },
  { NULL }
};

/* One row of the table: every tap of one kind, in gint64 µs. */
typedef struct
{
  char   *name;
  GArray *total;    /* tap to frame drawn, the sum of: */
  GArray *handler;  /* the tap's own handler (the next page made and filled) */
  GArray *layout;   /* handler returned to the frame's paint phase: styles, sizes */
  GArray *draw;     /* the paint phase: snapshot and render */
} Kind;

static void
kind_free (Kind *kind)
{
  g_free (kind->name);
  g_array_unref (kind->total);
  g_array_unref (kind->handler);
  g_array_unref (kind->layout);
  g_array_unref (kind->draw);
  g_free (kind);
}

typedef struct
{
  LotsenUiFixture  fixture;
  GPtrArray       *kinds;          /* Kind, in the order first tapped */
  GArray          *steps;          /* gint64 µs, every counted tap but language switches */
  GArray          *languages;      /* gint64 µs, every counted language switch */
  gboolean         counting;       /* FALSE in the warm-up round */
  guint            round;          /* from 0, the warm-up round included */
  guint            missed;         /* taps after which no frame painted */
  gint64           slowest_warm_up;
  char            *slowest_warm_up_kind;
} Bench;

/* What happened after one tap, in monotonic µs. */
typedef struct
{
  GdkFrameClock *clock;
  gint64         handler_done;  /* the first turn of the main loop after the tap */
  gint64         paint;         /* the start of the first paint phase after it */
  gint64         drawn;         /* after-paint of that frame */
} FrameWatch;

static Kind *
lookup_kind (Bench      *bench,
             const char *name)
{
  Kind *kind;

  for (guint i = 0; i < bench->kinds->len; i++)
    {
      kind = bench->kinds->pdata[i];
      if (g_str_equal (kind->name, name))
        return kind;
    }

  kind = g_new0 (Kind, 1);
  kind->name = g_strdup (name);
  kind->total = g_array_new (FALSE, FALSE, sizeof (gint64));
  kind->handler = g_array_new (FALSE, FALSE, sizeof (gint64));
  kind->layout = g_array_new (FALSE, FALSE, sizeof (gint64));
  kind->draw = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (bench->kinds, kind);
  return kind;
}

static gboolean
handler_done_cb (gpointer user_data)
{
  FrameWatch *watch = user_data;

  watch->handler_done = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

/* An emission hook runs before every handler: the paint phase begins.
 * The frame clock emits "paint" only when something asked to be drawn. */
static gboolean
paint_hook (GSignalInvocationHint *hint,
            guint                  n_values,
            const GValue          *values,
            gpointer               user_data)
{
  FrameWatch *watch = user_data;

  if (watch->paint == 0 && g_value_get_object (&values[0]) == (gpointer) watch->clock)
    watch->paint = g_get_monotonic_time ();

  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWatch    *watch)
{
  if (watch->paint != 0 && watch->drawn == 0)
    watch->drawn = g_get_monotonic_time ();
}

static gboolean
time_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Taps @button and times it to the next frame drawn, as a step of @kind.
 * The window is idle before the tap: every tap, timed or not, ends in
 * lotsen_test_ui_click(), which waits until the window has drawn, and
 * a timed one rests REST_MS first. */
static void
measure (Bench      *bench,
         const char *kind_name,
         gboolean    language,
         GtkWidget  *button)
{
  FrameWatch watch = { .clock = gtk_widget_get_frame_clock (lotsen_ui_fixture_root (&bench->fixture)) };
  guint paint_signal = g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK);
  gboolean rested = FALSE;
  gboolean gave_up = FALSE;
  gint64 tapped, total, handler, layout, draw;
  gulong hook;
  guint give_up;
  Kind *kind;

  g_assert_nonnull (watch.clock);

  g_timeout_add (REST_MS, time_up_cb, &rested);
  while (!rested)
    g_main_context_iteration (NULL, TRUE);

  hook = g_signal_add_emission_hook (paint_signal, 0, paint_hook, &watch, NULL);
  g_signal_connect (watch.clock, "after-paint", G_CALLBACK (after_paint_cb), &watch);
  /* Runs before the frame clock's own sources: when the tap's handler
   * (which makes and fills the next page) has returned. */
  g_idle_add_full (G_PRIORITY_HIGH, handler_done_cb, &watch, NULL);

  tapped = g_get_monotonic_time ();
  lotsen_test_ui_click (button);

  /* lotsen_test_ui_click() waits for one frame; should that one not have
   * painted, the next that does. */
  give_up = g_timeout_add (FRAME_WAIT_LIMIT / 1000, time_up_cb, &gave_up);
  while (watch.drawn == 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (give_up);

  g_signal_remove_emission_hook (paint_signal, hook);
  g_signal_handlers_disconnect_by_data (watch.clock, &watch);

  if (watch.drawn == 0)
    {
      g_printerr ("bench-frames: no frame painted within %d s after a tap (%s)\n",
                  (int) (FRAME_WAIT_LIMIT / G_USEC_PER_SEC), kind_name);
      bench->missed++;
      return;
    }

  total = watch.drawn - tapped;
  handler = watch.handler_done - tapped;
  layout = watch.paint - watch.handler_done;
  draw = watch.drawn - watch.paint;

  if (!bench->counting)
    {
      if (total > bench->slowest_warm_up)
        {
          bench->slowest_warm_up = total;
          g_free (bench->slowest_warm_up_kind);
          bench->slowest_warm_up_kind = g_strdup (kind_name);
        }
      return;
    }

  kind = lookup_kind (bench, kind_name);
  g_array_append_val (kind->total, total);
  g_array_append_val (kind->handler, handler);
  g_array_append_val (kind->layout, layout);
  g_array_append_val (kind->draw, draw);
  g_array_append_val (language ? bench->languages : bench->steps, total);
}

static GtkWidget *
find_button (Bench      *bench,
             const char *action,
             const char *target)
{
  GtkWidget *button = lotsen_test_ui_find_action (lotsen_ui_fixture_root (&bench->fixture), action, target);

  if (button == NULL)
    g_error ("No visible button for %s(%s) on the %s page", action, target ? target : "",
             lotsen_window_get_page_name (bench->fixture.window));
  return button;
}

/* A timed tap on the visible button for @action (and @target). */
static void
step (Bench      *bench,
      const char *kind,
      const char *action,
      const char *target)
{
  measure (bench, kind, FALSE, find_button (bench, action, target));
}

/* Keys on the on-screen keyboard, one tap each, timed as steps of @kind
 * unless it is %NULL. */
static void
type_keys (Bench      *bench,
           const char *kind,
           const char *keys)
{
  for (const char *c = keys; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      if (kind != NULL)
        step (bench, kind, "keyboard.type", key);
      else
        lotsen_test_ui_tap (lotsen_ui_fixture_root (&bench->fixture), "keyboard.type", key);
    }
}

static void
switch_language (Bench      *bench,
                 const char *where,
                 const char *to)
{
  g_autofree char *kind = g_strdup_printf ("language %s → %s (%s)",
                                           lotsen_window_get_language (bench->fixture.window), to, where);

  measure (bench, kind, TRUE, find_button (bench, "win.language", to));
}

/* The journey's last tap: done, back to the welcome page. */
static void
finish_visit (Bench      *bench,
              const char *kind)
{
  step (bench, kind, "win.finish-visit", NULL);
  lotsen_ui_fixture_assert_page (&bench->fixture, "welcome");
}

/* 1: a queue ticket. */
static void
journey_ticket (Bench *bench)
{
  step (bench, "welcome → queue", "win.show-page", "queue");
  step (bench, "queue → ticket (take A)", "win.take-ticket", "A");
  lotsen_ui_fixture_assert_page (&bench->fixture, "ticket");
  finish_visit (bench, "ticket → welcome (finish)");
}

/* 2: registering, the name typed on the on-screen keyboard. */
static void
journey_register (Bench *bench)
{
  step (bench, "welcome → consent", "win.show-page", "register");
  step (bench, "consent → registration (accept)", "win.accept-consent", NULL);
  lotsen_ui_fixture_assert_page (&bench->fixture, "register");
  type_keys (bench, "key (registration name)", "anna");
  for (int i = 0; i < 4; i++)
    step (bench, "registration next step", "register.next", NULL);
  step (bench, "registration save → code", "register.next", NULL);
  lotsen_ui_fixture_assert_page (&bench->fixture, "code");
  finish_visit (bench, "code → welcome (finish)");
}

/* 3: signing up for the first session on What's on, by name and phone
 * (a new number each round, so none is refused as signed up already). */
static void
journey_signup (Bench *bench)
{
  g_autofree char *phone = g_strdup_printf ("0701234%03u", bench->round % 1000);
  g_autoptr(GPtrArray) party = NULL;

  step (bench, "welcome → What's on", "win.show-page", "activities");
  step (bench, "What's on → sign-up (session)", "win.choose-session", NULL);
  lotsen_ui_fixture_assert_page (&bench->fixture, "signup");
  step (bench, "sign-up: by phone", "signup.by-phone", NULL);
  type_keys (bench, "key (sign-up name)", "mulu");
  step (bench, "sign-up next (name → phone)", "signup.next", NULL);
  type_keys (bench, "key (sign-up phone)", phone);
  step (bench, "sign-up next (phone → party)", "signup.next", NULL);

  party = lotsen_test_ui_collect (lotsen_window_get_page (bench->fixture.window, "signup"),
                                  GTK_TYPE_TOGGLE_BUTTON);
  g_assert_cmpuint (party->len, >=, 2);
  measure (bench, "sign-up party size", FALSE, party->pdata[1]);

  step (bench, "sign up → done", "win.sign-up", NULL);
  lotsen_ui_fixture_assert_page (&bench->fixture, "signup");
  finish_visit (bench, "sign-up done → welcome (finish)");
}

/* 4: the language bar, on the welcome page and on a registration step
 * with a name typed. */
static void
journey_languages (Bench *bench)
{
  static const char * const languages[] = { "ar", "ti", "en", "sv" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    switch_language (bench, "welcome", languages[i]);

  lotsen_test_ui_tap (lotsen_ui_fixture_root (&bench->fixture), "win.show-page", "register");
  lotsen_test_ui_tap (lotsen_ui_fixture_root (&bench->fixture), "win.accept-consent", NULL);
  type_keys (bench, NULL, "anna");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    switch_language (bench, "registration, name typed", languages[i]);
  lotsen_ui_fixture_assert_page (&bench->fixture, "register");

  /* Back on the first step: the registration is cancelled. */
  lotsen_test_ui_tap (lotsen_ui_fixture_root (&bench->fixture), "register.back", NULL);
  lotsen_ui_fixture_assert_page (&bench->fixture, "welcome");
}

static void
run_round (Bench *bench)
{
  journey_ticket (bench);
  journey_register (bench);
  journey_signup (bench);
  journey_languages (bench);
  bench->round++;
}

static double
median_ms (GArray *samples)
{
  return sort_and_median (samples) / 1000.0;
}

/* After median_ms(): the samples are sorted. */
static double
worst_ms (GArray *samples)
{
  return g_array_index (samples, gint64, samples->len - 1) / 1000.0;
}

static guint
count_over (GArray *samples,
            int     limit_ms)
{
  guint over = 0;

  for (guint i = 0; i < samples->len; i++)
    if (g_array_index (samples, gint64, i) >= limit_ms * 1000)
      over++;

  return over;
}

static void
print_verdict (const char *what,
               GArray     *samples,
               int         target_ms)
{
  double median;

  if (samples->len == 0)
    {
      g_print ("%s: no taps\n", what);
      return;
    }

  median = median_ms (samples);
  g_print ("%s: median %.1f ms, worst %.1f ms over %u taps; target a median under %d ms: %s"
           " (%u of %u taps at %d ms or more)\n",
           what, median, worst_ms (samples), samples->len, target_ms,
           median < target_ms ? "met" : "NOT met",
           count_over (samples, target_ms), samples->len, target_ms);
}

/* printf's widths count bytes; a step's name has arrows and such. */
static void
print_name (const char *name,
            int         width)
{
  g_print ("  %s%*s", name, MAX (width - (int) g_utf8_strlen (name, -1), 0), "");
}

static void
print_figures (Bench *bench)
{
  g_print ("tap → next frame drawn, %d rounds, in ms.  Medians of its parts: \"handler\", the tap's\n"
           "own handler (it makes and fills the next page); \"layout\", from there to the frame's\n"
           "paint phase (styles, sizes); \"draw\", the paint phase (snapshot, render).\n\n",
           opt_rounds);
  print_name ("step", NAME_WIDTH);
  g_print (" %5s %8s %8s %8s %8s %8s\n", "taps", "median", "worst", "handler", "layout", "draw");

  for (guint i = 0; i < bench->kinds->len; i++)
    {
      Kind *kind = bench->kinds->pdata[i];
      double median = median_ms (kind->total);

      print_name (kind->name, NAME_WIDTH);
      g_print (" %5u %8.1f %8.1f %8.1f %8.1f %8.1f\n", kind->total->len,
               median, worst_ms (kind->total), median_ms (kind->handler),
               median_ms (kind->layout), median_ms (kind->draw));
    }

  g_print ("\n");
  print_verdict ("every step but language switches", bench->steps, TARGET_STEP_MS);
  print_verdict ("language switches", bench->languages, TARGET_LANGUAGE_MS);
  g_print ("(targets for a two-core kiosk; figures only, nothing is asserted)\n");

  if (bench->slowest_warm_up_kind != NULL)
    g_print ("\nwarm-up round (not counted): slowest step %s, %.1f ms\n",
             bench->slowest_warm_up_kind, bench->slowest_warm_up / 1000.0);
  if (bench->missed > 0)
    g_print ("taps after which no frame painted (not counted): %u\n", bench->missed);
}

static void
drop_message (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  GskRenderer *renderer;
  Bench bench = { 0 };

  context = g_option_context_new ("- time from a tap to the next frame drawn in the kiosk window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-frames: %s\n", error->message);
      return 2;
    }

  if (opt_rounds < 1)
    {
      g_printerr ("bench-frames: --rounds must be at least 1\n");
      return 2;
    }

  if ((display == NULL || *display == '\0') && (wayland == NULL || *wayland == '\0'))
    {
      g_printerr ("bench-frames: skipped: no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                  "Run it via tests/bench/run.sh, which starts one with Xvfb.\n");
      return EXIT_SKIP;
    }

  lotsen_test_ui_init (&argc, &argv);
  /* GLib's test mode prints debug messages, one each time the language
   * changes ("setenv() is not thread-safe"); printing is no part of
   * answering a tap. */
  g_log_set_handler ("GLib", G_LOG_LEVEL_DEBUG, drop_message, NULL);

  bench.kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) kind_free);
  bench.steps = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.languages = g_array_new (FALSE, FALSE, sizeof (gint64));

  lotsen_ui_fixture_set_up (&bench.fixture, TRUE, WIDTH, HEIGHT);

  renderer = gtk_native_get_renderer (GTK_NATIVE (bench.fixture.window));
  g_print ("window: %d×%d on %s, renderer: %s, animations off\n", WIDTH, HEIGHT,
           G_OBJECT_TYPE_NAME (gtk_widget_get_display (lotsen_ui_fixture_root (&bench.fixture))),
           renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
  g_print ("database: demo data, new, in a temporary folder; clock fixed\n\n");

  run_round (&bench);
  bench.counting = TRUE;
  for (int i = 0; i < opt_rounds; i++)
    run_round (&bench);

  print_figures (&bench);

  lotsen_ui_fixture_tear_down (&bench.fixture);
  g_ptr_array_unref (bench.kinds);
  g_array_unref (bench.steps);
  g_array_unref (bench.languages);
  g_free (bench.slowest_warm_up_kind);

  return 0;
}
