/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-read-aloud.c — beside the languages on every visitor screen: a
 * speaker button that reads the screen aloud (win.read-aloud), the audio
 * mode's toggle (win.audio-mode), and a short notice when the chosen
 * language cannot be spoken.
 *
 * It also knows what a screen says: its heading (a label with the
 * heading role), its instruction (the first label styled
 * "page-subtitle") and its choices (the buttons, by their words), in
 * order.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-read-aloud.h"

struct _LotsenReadAloud
{
  GtkWidget  parent_instance;

  GtkWidget *speak_button;
  GtkWidget *mode_button;
  GtkWidget *notice;
};

G_DEFINE_FINAL_TYPE (LotsenReadAloud, lotsen_read_aloud, GTK_TYPE_WIDGET)

static void
lotsen_read_aloud_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_read_aloud_parent_class)->dispose (object);
}

static void
lotsen_read_aloud_class_init (LotsenReadAloudClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_read_aloud_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readaloud");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_button (GType       type,
             const char *pictogram,
             const char *name,
             const char *action)
{
  GtkWidget *button = g_object_new (type, "icon-name", pictogram, "tooltip-text", name,
                                    "valign", GTK_ALIGN_CENTER, NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "read-aloud");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return button;
}

static void
lotsen_read_aloud_init (LotsenReadAloud *self)
{
  /* Translators: the speaker button on every visitor screen (its accessible name and tooltip). */
  self->speak_button = make_button (GTK_TYPE_BUTTON, "lotsen-speaker-symbolic", _("Read aloud"),
                                    "win.read-aloud");
  /* Translators: a toggle: every screen is read aloud, and the first tap on a button says it, the second presses it. */
  self->mode_button = make_button (GTK_TYPE_TOGGLE_BUTTON, "lotsen-audio-mode-symbolic", _("Audio mode"),
                                   "win.audio-mode");
  gtk_widget_set_name (self->speak_button, "read-aloud");
  gtk_widget_set_name (self->mode_button, "audio-mode");

  /* Translators: shown when the visitor's language has neither a voice nor recordings. */
  self->notice = gtk_label_new (_("Speech is not available in this language."));
  gtk_label_set_wrap (GTK_LABEL (self->notice), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->notice), 16);
  gtk_widget_add_css_class (self->notice, "speech-notice");
  gtk_widget_set_valign (self->notice, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->notice, FALSE);

  gtk_widget_set_parent (self->notice, GTK_WIDGET (self));
  gtk_widget_set_parent (self->speak_button, GTK_WIDGET (self));
  gtk_widget_set_parent (self->mode_button, GTK_WIDGET (self));
}

GtkWidget *
lotsen_read_aloud_new (void)
{
  return g_object_new (LOTSEN_TYPE_READ_ALOUD, NULL);
}

/**
 * lotsen_read_aloud_set_unavailable:
 * @unavailable: %TRUE to say that speech is not available in this language
 */
void
lotsen_read_aloud_set_unavailable (LotsenReadAloud *self,
                                   gboolean         unavailable)
{
  g_return_if_fail (LOTSEN_IS_READ_ALOUD (self));

  gtk_widget_set_visible (self->notice, unavailable);
}

gboolean
lotsen_read_aloud_get_unavailable (LotsenReadAloud *self)
{
  g_return_val_if_fail (LOTSEN_IS_READ_ALOUD (self), FALSE);

  return gtk_widget_get_visible (self->notice);
}

/**
 * lotsen_read_aloud_owns:
 *
 * Returns: whether @widget is the speaker button or the audio mode's
 *   toggle (these act at the first tap, in audio mode too)
 */
gboolean
lotsen_read_aloud_owns (LotsenReadAloud *self,
                        GtkWidget       *widget)
{
  g_return_val_if_fail (LOTSEN_IS_READ_ALOUD (self), FALSE);

  return widget == self->speak_button || widget == self->mode_button;
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *words = gtk_label_get_text (GTK_LABEL (widget));

      if (*words != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, words);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/**
 * lotsen_read_aloud_widget_text:
 *
 * Returns: (transfer full) (nullable): the words a control shows (its
 *   labels), else its tooltip; %NULL for none
 */
char *
lotsen_read_aloud_widget_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  collect_labels (widget, text);
  if (text->len == 0 && gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append (text, gtk_widget_get_tooltip_text (widget));

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  char      *heading;
  char      *instruction;
  GPtrArray *choices;
} Collected;

static void
collect (GtkWidget *widget,
         Collected *found)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *words = gtk_label_get_text (GTK_LABEL (widget));

      if (*words == '\0')
        return;
      if (found->heading == NULL &&
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING)
        found->heading = g_strdup (words);
      else if (found->instruction == NULL && gtk_widget_has_css_class (widget, "page-subtitle"))
        found->instruction = g_strdup (words);
      return;
    }

  if (GTK_IS_BUTTON (widget))
    {
      if (found->choices != NULL && gtk_widget_is_sensitive (widget))
        {
          char *words = lotsen_read_aloud_widget_text (widget);

          if (words != NULL)
            g_ptr_array_add (found->choices, words);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, found);
}

/**
 * lotsen_read_aloud_collect:
 * @page: a visitor screen
 * @with_choices: %FALSE for the heading and the instruction only
 *
 * Returns: (transfer full): what @page says, in the order it is read:
 *   the heading, the instruction, then every choice
 */
GStrv
lotsen_read_aloud_collect (GtkWidget *page,
                           gboolean   with_choices)
{
  Collected found = { NULL, NULL, with_choices ? g_ptr_array_new () : NULL };
  GPtrArray *texts = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  collect (page, &found);
  if (found.heading != NULL)
    g_ptr_array_add (texts, found.heading);
  if (found.instruction != NULL)
    g_ptr_array_add (texts, found.instruction);
  if (found.choices != NULL)
    {
      for (guint i = 0; i < found.choices->len; i++)
        g_ptr_array_add (texts, g_ptr_array_index (found.choices, i));
      g_ptr_array_free (found.choices, TRUE);
    }
  g_ptr_array_add (texts, NULL);

  return (GStrv) g_ptr_array_free (texts, FALSE);
}
