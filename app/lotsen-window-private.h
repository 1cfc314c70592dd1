/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's insides, shared by its three files: the shell
 * (lotsen-window.c), the page table (lotsen-window-pages.c) and the
 * actions (lotsen-window-actions.c). */
#pragma once

#include "lotsen-idle-monitor.h"
#include "lotsen-staff-session.h"
#include "lotsen-visit.h"
#include "lotsen-window.h"

G_BEGIN_DECLS

struct _LotsenWindow
{
  AdwApplicationWindow  parent_instance;

  GtkOverlay           *outer;         /* the toasts and the page, and the sleep screen over them */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *content;       /* the language bar and the page */
  GtkWidget            *language_bar;
  GtkWidget            *view_options;  /* text size and contrast, beside the languages */
  GtkWidget            *message;       /* a message above the page, at the kiosk's text size */
  GtkWidget            *message_label;
  gboolean              message_fresh; /* shown for the page being shown now */
  GtkStack             *pages;         /* the page on screen, and no other */
  GtkWidget            *languages;     /* every language, over the page while it is chosen */

  LotsenStore          *store;
  GSettings            *settings;
  char                 *store_problem;
  char                 *moved_aside;
  char                 *offered_backup; /* the newest good backup, offered to staff after damage */
  GDate                 offered_backup_date;
  char                 *default_language;
  gboolean              out_of_order;  /* the store can no longer be written */
  guint                 out_of_order_id;

  LotsenVisit          *visit;         /* the visitor at the screen */
  LotsenStaffSession   *staff;         /* staff mode: PIN, desk, calls */
  LotsenIdleMonitor    *idle;          /* "Are you still there?", then a clean screen */

  gboolean              kiosk_mode;    /* no closing the window */

  char                 *printer_problem; /* the last ticket print's failure, for staff; NULL once one works */
  GtkWidget            *call_banner;   /* a ticket called, for a few seconds, over the page */
  guint                 text_scale;    /* per cent: 100, 150 or 200, for this visit */
  gboolean              high_contrast; /* for this visit */

  GtkWidget            *sleep_screen;  /* black, over everything, in the sleep hours */
};

/* A page of the window: made when shown, gone when another is shown. */
typedef struct
{
  const char *name;
  gboolean    staff;        /* a staff screen: no language bar, leaving it locks staff mode */
  gboolean    needs_unlock; /* shown only while staff mode is open */
  GtkWidget * (*create)  (LotsenWindow *self);
  /* Fills the page from the visit and the store; %FALSE: show @fallback. */
  gboolean    (*refresh) (LotsenWindow *self,
                          GtkWidget    *page);
  const char *fallback;
} LotsenPageInfo;

const LotsenPageInfo *lotsen_window_lookup_page    (const char   *name);

void                  lotsen_window_show_page      (LotsenWindow *self,
                                                    const char   *name);
void                  lotsen_window_toast          (LotsenWindow *self,
                                                    const char   *message);
void                  lotsen_window_hide_message   (LotsenWindow *self);
void                  lotsen_window_reset_visit    (LotsenWindow *self);
guint                 lotsen_window_get_setting    (LotsenWindow *self,
                                                    const char   *key,
                                                    guint         fallback);
gboolean              lotsen_window_has_view_choices (LotsenWindow *self);
void                  lotsen_window_update_idle      (LotsenWindow *self);
void                  lotsen_window_class_add_actions (GtkWidgetClass *widget_class);
void                  lotsen_window_disable_actions   (LotsenWindow   *self);

G_END_DECLS
