/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-record-page.c — recording the kiosk's spoken texts, on the staff
 * panel: a native speaker picks a language and goes through the texts
 * that have no clip yet in it, sees each one (and the English), records
 * it from the microphone, plays it back, and keeps it or records again.
 *
 * A take is written beside the clip and becomes the clip only when kept,
 * in the data folder's clips/<lang>/, where the kiosk looks first.
 */

#define G_LOG_DOMAIN "lotsen-staff"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libintl.h>

#include "lotsen-clips.h"
#include "lotsen-i18n.h"
#include "lotsen-record-page.h"
#include "lotsen-recorder.h"
#include "lotsen-tile.h"

struct _LotsenRecordPage
{
  GtkWidget          parent_instance;

  LotsenAudioPlayer *player;
  LotsenRecorder    *recorder;
  char              *language;
  GArray            *missing;     /* guint: spoken messages without a clip */
  guint              position;    /* in @missing */
  gboolean           have_take;

  GtkWidget         *languages;
  GtkWidget         *status;
  GtkWidget         *text;
  GtkWidget         *english;
  GtkWidget         *record_button;
  GtkWidget         *play_button;
  GtkWidget         *keep_button;
  GtkWidget         *skip_button;
  GtkWidget         *message;
};

G_DEFINE_FINAL_TYPE (LotsenRecordPage, lotsen_record_page, GTK_TYPE_WIDGET)

static void
lotsen_record_page_dispose (GObject *object)
{
  LotsenRecordPage *self = LOTSEN_RECORD_PAGE (object);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->recorder);
  g_clear_object (&self->player);

  G_OBJECT_CLASS (lotsen_record_page_parent_class)->dispose (object);
}

static void
lotsen_record_page_finalize (GObject *object)
{
  LotsenRecordPage *self = LOTSEN_RECORD_PAGE (object);

  g_free (self->language);
  g_clear_pointer (&self->missing, g_array_unref);

  G_OBJECT_CLASS (lotsen_record_page_parent_class)->finalize (object);
}

static void
lotsen_record_page_class_init (LotsenRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_record_page_dispose;
  object_class->finalize = lotsen_record_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/**
 * lotsen_record_page_get_message:
 *
 * Returns: (nullable): the spoken message on view, or %NULL for none
 */
const char *
lotsen_record_page_get_message (LotsenRecordPage *self)
{
  g_return_val_if_fail (LOTSEN_IS_RECORD_PAGE (self), NULL);

  if (self->missing == NULL || self->position >= self->missing->len)
    return NULL;

  return lotsen_spoken_strings[g_array_index (self->missing, guint, self->position)];
}

static char *
clip_path (LotsenRecordPage *self,
           const char       *suffix)
{
  g_autofree char *key = lotsen_clips_key (lotsen_record_page_get_message (self));
  g_autofree char *dir = lotsen_clips_user_dir (self->language);
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The message's English: the msgid without its context. */
static const char *
english_of (const char *message)
{
  const char *separator = strchr (message, '\004');

  return separator != NULL ? separator + 1 : message;
}

/* @message in @language, whatever the staff panel is shown in. */
static char *
translate (const char *language,
           const char *message)
{
  g_autofree char *current = g_strdup (lotsen_i18n_get_language ());
  const char *translated;
  char *copy;

  lotsen_i18n_set_language (language);
  translated = dgettext (GETTEXT_PACKAGE, message);
  copy = g_strdup (translated == message ? english_of (message) : translated);
  lotsen_i18n_set_language (current);

  return copy;
}

static void
update (LotsenRecordPage *self)
{
  const char *message = lotsen_record_page_get_message (self);
  gboolean recording = lotsen_recorder_get_recording (self->recorder);
  guint left = self->missing ? self->missing->len - MIN (self->position, self->missing->len) : 0;

  if (self->language == NULL)
    gtk_label_set_text (GTK_LABEL (self->status), "");
  else if (message == NULL)
    gtk_label_set_text (GTK_LABEL (self->status), _("Every spoken text has a recording in this language."));
  else
    {
      g_autofree char *status = g_strdup_printf (ngettext ("%u spoken text still needs a recording in this language.",
                                                           "%u spoken texts still need a recording in this language.",
                                                           left), left);
      gtk_label_set_text (GTK_LABEL (self->status), status);
    }

  if (message != NULL)
    {
      const LotsenLanguage *language = lotsen_i18n_lookup (self->language);
      g_autofree char *text = translate (self->language, message);
      /* Translators: on the recording page, under the text to read: the same text in English. */
      g_autofree char *english = g_strdup_printf (_("English: %s"), english_of (message));

      gtk_label_set_text (GTK_LABEL (self->text), text);
      gtk_widget_set_direction (self->text, language != NULL && language->direction == LOTSEN_TEXT_DIRECTION_RTL
                                            ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      gtk_label_set_text (GTK_LABEL (self->english), english);
    }
  gtk_widget_set_visible (self->text, message != NULL);
  gtk_widget_set_visible (self->english, message != NULL);

  /* Translators: the recording page's button: start, or end, recording the text from the microphone. */
  /* Translators: staff buttons on the speech recording page: start and stop recording from the microphone. */
  gtk_button_set_label (GTK_BUTTON (self->record_button), recording ? _("Stop") : _("Record"));
  gtk_widget_set_sensitive (self->record_button, message != NULL);
  gtk_widget_set_sensitive (self->play_button, message != NULL && self->have_take && !recording);
  gtk_widget_set_sensitive (self->keep_button, message != NULL && self->have_take && !recording);
  gtk_widget_set_sensitive (self->skip_button, message != NULL && !recording);
}

static void
drop_take (LotsenRecordPage *self)
{
  if (self->have_take && lotsen_record_page_get_message (self) != NULL)
    {
      g_autofree char *take = clip_path (self, ".take.ogg");

      g_unlink (take);
    }
  self->have_take = FALSE;
}

static void
show_problem (LotsenRecordPage *self,
              const GError     *error)
{
  g_autofree char *text = NULL;

  g_warning ("Recording: %s", error->message);
  /* Translators: on the recording page; %s says why (from the sound system, often in English). */
  text = g_strdup_printf (_("The recording failed: %s"), error->message);
  gtk_label_set_text (GTK_LABEL (self->message), text);
  gtk_widget_set_visible (self->message, TRUE);
}

static void
record_clicked_cb (LotsenRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *take = clip_path (self, ".take.ogg");

  gtk_widget_set_visible (self->message, FALSE);
  if (lotsen_recorder_get_recording (self->recorder))
    {
      self->have_take = lotsen_recorder_stop (self->recorder, &error);
      if (!self->have_take)
        show_problem (self, error);
    }
  else
    {
      lotsen_audio_player_stop (self->player);
      if (!lotsen_recorder_start (self->recorder, take, &error))
        show_problem (self, error);
    }
  update (self);
}

static void
play_clicked_cb (LotsenRecordPage *self)
{
  g_autofree char *take = clip_path (self, ".take.ogg");

  lotsen_audio_player_play_file (self->player, take);
}

static void
next (LotsenRecordPage *self)
{
  self->have_take = FALSE;
  self->position++;
  update (self);
}

static void
keep_clicked_cb (LotsenRecordPage *self)
{
  g_autofree char *take = clip_path (self, ".take.ogg");
  g_autofree char *clip = clip_path (self, ".ogg");

  lotsen_audio_player_stop (self->player);
  if (g_rename (take, clip) != 0)
    {
      g_autoptr(GError) error = g_error_new (G_FILE_ERROR, g_file_error_from_errno (errno),
                                              "%s: %s", clip, g_strerror (errno));
      show_problem (self, error);
      return;
    }
  next (self);
}

static void
skip_clicked_cb (LotsenRecordPage *self)
{
  lotsen_audio_player_stop (self->player);
  drop_take (self);
  next (self);
}

static void
language_toggled_cb (GtkToggleButton  *button,
                     LotsenRecordPage *self)
{
  if (gtk_toggle_button_get_active (button))
    lotsen_record_page_set_language (self, gtk_widget_get_name (GTK_WIDGET (button)));
}

static GtkWidget *
big_button (const char *label,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "big-button");
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static void
lotsen_record_page_init (LotsenRecordPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *title, *buttons, *back;
  GtkToggleButton *group = NULL;
  const LotsenLanguage *languages;
  guint n_languages;

  self->recorder = lotsen_recorder_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  /* Translators: the staff page (and its tile) where the kiosk's spoken texts are recorded. */
  title = g_object_new (GTK_TYPE_LABEL, "label", _("Record speech"), "wrap", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_widget_add_css_class (title, "page-title");
  gtk_box_append (GTK_BOX (box), title);

  self->languages = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->languages), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->languages), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->languages), 7);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->languages), 8);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->languages), 8);
  gtk_widget_set_halign (self->languages, GTK_ALIGN_CENTER);
  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (languages[i].native_name);

      gtk_widget_set_name (button, languages[i].code);
      gtk_widget_add_css_class (button, "language");
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (language_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->languages), button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  gtk_box_append (GTK_BOX (box), self->languages);

  self->status = gtk_label_new (_("Choose the language you will speak."));
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_add_css_class (self->status, "page-subtitle");
  gtk_box_append (GTK_BOX (box), self->status);

  self->text = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->text), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->text), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->text, "record-text");
  gtk_widget_add_css_class (self->text, "card");
  gtk_widget_set_halign (self->text, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->text, FALSE);
  gtk_box_append (GTK_BOX (box), self->text);

  self->english = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->english), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->english), GTK_JUSTIFY_CENTER);
  gtk_widget_set_visible (self->english, FALSE);
  gtk_box_append (GTK_BOX (box), self->english);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  /* Translators: staff button on the speech recording page: start recording from the microphone. */
  self->record_button = big_button (_("Record"), G_CALLBACK (record_clicked_cb), self);
  gtk_widget_add_css_class (self->record_button, "destructive-action");
  /* Translators: the recording page's button: hear what was just recorded. */
  self->play_button = big_button (_("Play back"), G_CALLBACK (play_clicked_cb), self);
  /* Translators: the recording page's button: keep this recording and go on to the next text. */
  self->keep_button = big_button (_("Keep"), G_CALLBACK (keep_clicked_cb), self);
  gtk_widget_add_css_class (self->keep_button, "suggested-action");
  /* Translators: the recording page's button: leave this text for now and go on to the next. */
  self->skip_button = big_button (_("Skip"), G_CALLBACK (skip_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->record_button);
  gtk_box_append (GTK_BOX (buttons), self->play_button);
  gtk_box_append (GTK_BOX (buttons), self->keep_button);
  gtk_box_append (GTK_BOX (buttons), self->skip_button);
  gtk_box_append (GTK_BOX (box), buttons);

  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (box), self->message);

  back = lotsen_tile_new ("lotsen-back-symbolic", _("Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (back), "s", "staff");
  gtk_widget_add_css_class (back, "small-tile");
  gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), back);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  update (self);
}

/**
 * lotsen_record_page_new:
 * @player: plays the takes back
 */
GtkWidget *
lotsen_record_page_new (LotsenAudioPlayer *player)
{
  LotsenRecordPage *self = g_object_new (LOTSEN_TYPE_RECORD_PAGE, NULL);

  self->player = g_object_ref (player);
  return GTK_WIDGET (self);
}

/**
 * lotsen_record_page_set_language:
 *
 * Starts on @language's spoken texts that have no clip yet.
 */
void
lotsen_record_page_set_language (LotsenRecordPage *self,
                                 const char       *language)
{
  g_return_if_fail (LOTSEN_IS_RECORD_PAGE (self));
  g_return_if_fail (lotsen_i18n_lookup (language) != NULL);

  if (lotsen_recorder_get_recording (self->recorder))
    lotsen_recorder_stop (self->recorder, NULL);
  drop_take (self);
  lotsen_audio_player_stop (self->player);
  gtk_widget_set_visible (self->message, FALSE);

  g_free (self->language);
  self->language = g_strdup (language);
  g_clear_pointer (&self->missing, g_array_unref);
  self->missing = g_array_new (FALSE, FALSE, sizeof (guint));
  self->position = 0;
  for (guint i = 0; i < lotsen_n_spoken_strings; i++)
    {
      g_autofree char *key = lotsen_clips_key (lotsen_spoken_strings[i]);
      g_autofree char *path = lotsen_clips_find (language, key);

      if (path == NULL)
        g_array_append_val (self->missing, i);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (self->languages); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_str_equal (gtk_widget_get_name (button), language) &&
          !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
  update (self);
}
