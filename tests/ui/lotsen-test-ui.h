/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-clock.h"
#include "lotsen-store.h"
#include "lotsen-window.h"

G_BEGIN_DECLS

/* A kiosk window on a fresh demo database in a temporary folder. */
typedef struct
{
  char         *dir;
  char         *path;
  LotsenClock  *clock;  /* fixed at TEST_NOW, or %NULL for the real time */
  LotsenStore  *store;
  LotsenWindow *window;
} LotsenUiFixture;

void        lotsen_ui_fixture_set_up    (LotsenUiFixture *fixture,
                                         gboolean         fixed_clock,
                                         int              width,
                                         int              height);
void        lotsen_ui_fixture_set_up_at (LotsenUiFixture *fixture,
                                         gint64           now,
                                         int              width,
                                         int              height);
void        lotsen_ui_fixture_open_window  (LotsenUiFixture *fixture,
                                            int              width,
                                            int              height);
void        lotsen_ui_fixture_close_window (LotsenUiFixture *fixture);
void        lotsen_ui_fixture_tear_down (LotsenUiFixture *fixture);
void        lotsen_test_ui_destroy_window  (gpointer         window);
void        lotsen_ui_fixture_tear_down_test (LotsenUiFixture *fixture,
                                              gconstpointer    data);
GtkWidget  *lotsen_ui_fixture_root        (LotsenUiFixture *fixture);
void        lotsen_ui_fixture_tap         (LotsenUiFixture *fixture,
                                           const char      *action,
                                           const char      *target);
void        lotsen_ui_fixture_choose_language (LotsenUiFixture *fixture,
                                               const char      *code);
void        lotsen_ui_fixture_assert_page (LotsenUiFixture *fixture,
                                           const char      *name);

void        lotsen_test_ui_init         (int          *argc,
                                         char       ***argv);
void        lotsen_test_ui_wait         (GtkWidget    *window);
GtkWidget  *lotsen_test_ui_find         (GtkWidget    *root,
                                         GType         type,
                                         const char   *name);
GtkWidget  *lotsen_test_ui_find_action  (GtkWidget    *root,
                                         const char   *action_name,
                                         const char   *target);
GtkWidget  *lotsen_test_ui_find_label   (GtkWidget    *root,
                                         const char   *text);
void        lotsen_test_ui_click        (GtkWidget    *button);
void        lotsen_test_ui_tap          (GtkWidget    *window,
                                         const char   *action_name,
                                         const char   *target);
GdkTexture *lotsen_test_ui_render       (GtkWidget    *window);
void        lotsen_test_ui_choose_language (GtkWidget  *window,
                                            const char *code);
gboolean    lotsen_test_ui_save_png     (GtkWidget    *window,
                                         const char   *path,
                                         GError      **error);
GPtrArray  *lotsen_test_ui_collect      (GtkWidget    *root,
                                         GType         type);
void        lotsen_test_ui_assert_touch (GtkWidget    *root,
                                         const char   *where);
GPtrArray  *lotsen_test_ui_collect_reachable      (GtkWidget    *root);
void        lotsen_test_ui_assert_reach_is_screen (GtkWidget    *root,
                                                   const char   *where);
gboolean    lotsen_test_ui_reaches_text           (GtkWidget    *root,
                                                   const char   *text);
gboolean    lotsen_test_ui_holds_text             (GtkWidget    *root,
                                                   const char   *text);
void        lotsen_test_ui_type_pin     (GtkWidget    *window,
                                         const char   *pin);
void        lotsen_test_ui_unlock_staff (LotsenWindow *window,
                                         const char   *new_pin);

G_END_DECLS
